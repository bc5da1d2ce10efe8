package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineFamilyTest {
    private static final ComparisonOptions OPT = ComparisonOptions.DEFAULTS;

    @Test
    void intervalsAreWidenedToTheirHolmLevels() {
        double[] cheaper = Reference.BX;
        double[] same = {100.9, 117.1, 91.0, 109.9, 125.0, 98.8, 111.6, 106.8, 121.0, 93.9};
        double[] tooFew = {1, 2};
        List<BaselineFamily.Member<RatioComparison>> m = BaselineFamily.ratios(Reference.BY,
                List.of(cheaper, same, tooFew), Pairing.UNPAIRED, OPT);
        assertEquals(3, m.size());
        BaselineFamily.Member<RatioComparison> first = m.get(0);
        assertEquals(2, first.familySize(), "the arm with 2 values has no p-value and stays outside");
        assertEquals(1 - 0.05 / 2, first.level(), 1e-15);
        assertEquals(first.level(), first.comparison().interval().level(), 1e-15);
        assertEquals(first.level(), first.comparison().fieller().interval().level(), 1e-15);
        RatioComparison unadjusted = RatioComparison.of(cheaper, Reference.BY, Pairing.UNPAIRED, OPT);
        assertTrue(first.comparison().interval().width() > unadjusted.interval().width());
        assertEquals(Math.min(1, 2 * unadjusted.pValue()), first.adjustedPValue(), 1e-15);
        assertEquals("Holm-adjusted 97.5 % interval (family of 2)", first.levelNote());
        assertNull(m.get(2).adjustedPValue());
        assertEquals(0.95, m.get(2).level());
    }

    @Test
    void accuracyFamilyUsesTheSameAdjustment() {
        List<BaselineFamily.Member<AccuracyComparison>> m = BaselineFamily.accuracy(Reference.ACC_Y,
                List.of(Reference.ACC_X, new double[] {86.0, 86.3, 85.9, 86.4, 86.1, 86.2}), Pairing.PAIRED, OPT);
        assertEquals(AccuracyVerdict.WORSE, m.get(1).comparison().verdict());
        assertEquals(1 - 0.05 / 2, m.get(1).level(), 1e-15, "the smaller p-value gets alpha/2");
        assertEquals(m.get(0).level(), m.get(0).comparison().interval().level(), 1e-15);
    }
}
