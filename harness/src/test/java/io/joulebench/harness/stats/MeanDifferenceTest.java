package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeanDifferenceTest {
    @Test
    void welchMatchesStatsmodelsAndScipy() {
        MeanDifference d = MeanDifference.of(Reference.X, Reference.Y, Pairing.UNPAIRED, 0.95);
        // reference.py: "welch df, by hand interval = [10.963286318912623, -11.822189243045084, -6.62542980457393]"
        // and "welch CompareMeans.tconfint_diff unequal" (statsmodels) gives the same interval.
        assertEquals(10.963286318912623, d.df(), 1e-9);
        assertEquals(-11.822189243045084, d.interval().lower(), 1e-8);
        assertEquals(-6.62542980457393, d.interval().upper(), 1e-8);
        // "welch p = 8.30811414083005e-06" (stats.ttest_ind equal_var=False)
        assertEquals(8.30811414083005e-06, d.pValue(), 1e-12);
    }

    @Test
    void pairedMatchesScipyTtestRel() {
        MeanDifference d = MeanDifference.of(Reference.X, Reference.Y_PAIRED, Pairing.PAIRED, 0.95);
        // "paired ttest_rel CI = [-9.52139250402275, -8.245274162643916]", "paired p = 3.205867798267026e-07"
        assertEquals(5, d.df());
        assertEquals(-9.52139250402275, d.interval().lower(), 1e-8);
        assertEquals(-8.245274162643916, d.interval().upper(), 1e-8);
        assertEquals(3.205867798267026e-07, d.pValue(), 1e-13);
        // "paired ttest_rel CI 90 = [-9.383500289798542, -8.383166376868123]"
        MeanDifference d90 = MeanDifference.of(Reference.X, Reference.Y_PAIRED, Pairing.PAIRED, 0.90);
        assertEquals(-9.383500289798542, d90.interval().lower(), 1e-8);
        assertEquals(-8.383166376868123, d90.interval().upper(), 1e-8);
    }

    @Test
    void refusesUnequalLengthsWhenPaired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanDifference.of(Reference.X, Reference.Y, Pairing.PAIRED, 0.95));
        assertEquals(true, e.getMessage().contains("6 and 7"), e.getMessage());
    }

    @Test
    void zeroVarianceIsAPointAndADecidedTest() {
        MeanDifference same = MeanDifference.of(new double[] {2, 2, 2}, new double[] {2, 2, 2}, Pairing.UNPAIRED, 0.95);
        assertEquals(0, same.interval().width());
        assertEquals(1, same.pValue());
        MeanDifference shifted = MeanDifference.of(new double[] {3, 4, 5}, new double[] {2, 3, 4}, Pairing.PAIRED, 0.95);
        assertEquals(1, shifted.interval().lower());
        assertEquals(1, shifted.interval().upper());
        assertEquals(0, shifted.pValue());
    }
}
