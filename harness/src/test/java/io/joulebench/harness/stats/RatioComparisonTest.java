package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RatioComparisonTest {
    private static final ComparisonOptions OPT = ComparisonOptions.DEFAULTS;

    @Test
    void pairedEnergyOfACheaperArm() {
        RatioComparison c = RatioComparison.of(Reference.BX, Reference.BY, Pairing.PAIRED, OPT);
        assertEquals(0.8041112454655381, c.ratio(), 1e-14);
        assertEquals(CostVerdict.CHEAPER, c.verdict());
        // With 10 pairs the percentile interval (normal-like quantiles, plug-in variance) is about 20 % narrower
        // than Fieller's t-based one, so the check flags it: the flag fires at small n by design of the rule.
        assertEquals(Agreement.DISAGREE, c.agreement(), () -> c.interval() + " vs " + c.fieller().interval());
        assertEquals(c.bootstrap().percentile(), c.interval(), "percentile is the default primary interval");
        assertEquals(MeanDifference.of(Reference.BX, Reference.BY, Pairing.PAIRED, 0.95).pValue(), c.pValue());
        assertEquals(10, c.nX());
    }

    @Test
    void withFortyPairsBootstrapAndFiellerAgree() {
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            y[i] = 100 + 10 * Math.sin(i);
            x[i] = 0.8 * y[i] + 2 * Math.cos(3 * i);
        }
        RatioComparison c = RatioComparison.of(x, y, Pairing.PAIRED, OPT);
        assertEquals(Agreement.AGREE, c.agreement(), () -> c.interval() + " vs " + c.fieller().interval());
        assertEquals(CostVerdict.CHEAPER, c.verdict());
    }

    @Test
    void costlierAndNoDifferenceRespectTheNoiseBand() {
        assertEquals(CostVerdict.COSTLIER, RatioComparison.verdict(new Interval(1.02, 1.10, 0.95), 0.01));
        assertEquals(CostVerdict.NO_DETECTABLE_DIFFERENCE,
                RatioComparison.verdict(new Interval(1.005, 1.10, 0.95), 0.01), "lower end inside the noise band");
        assertEquals(CostVerdict.CHEAPER, RatioComparison.verdict(new Interval(0.90, 0.985, 0.95), 0.01));
        assertEquals(CostVerdict.NO_DETECTABLE_DIFFERENCE,
                RatioComparison.verdict(new Interval(0.90, 0.995, 0.95), 0.01));
        assertEquals(CostVerdict.CHEAPER, RatioComparison.verdict(new Interval(0.90, 0.995, 0.95), 0));
        assertEquals(CostVerdict.NO_DETECTABLE_DIFFERENCE, RatioComparison.verdict(null, 0.01));
    }

    @Test
    void bcaCanBeThePrimaryInterval() {
        RatioComparison c = RatioComparison.of(Reference.SX, Reference.SY, Pairing.UNPAIRED,
                OPT.withMethod(BootstrapMethod.BCA));
        assertEquals(c.bootstrap().bca(), c.interval());
        assertEquals(CostVerdict.COSTLIER, c.verdict());
    }

    @Test
    void agreementIsTenPercentOfTheMeanWidth() {
        Interval a = new Interval(0.80, 0.90, 0.95);
        assertEquals(Agreement.AGREE, Agreement.of(a, new Interval(0.809, 0.90, 0.95), 0.10));
        assertEquals(Agreement.DISAGREE, Agreement.of(a, new Interval(0.80, 0.912, 0.95), 0.10));
        assertEquals(Agreement.DISAGREE, Agreement.of(a, null, 0.10), "one bounded, the other not");
        assertEquals(Agreement.UNCHECKED, Agreement.of(null, null, 0.10));
    }

    @Test
    void skewedDataFlagsPercentileAgainstFieller() {
        RatioComparison c = RatioComparison.of(Reference.SX, Reference.SY, Pairing.UNPAIRED, OPT);
        assertNotNull(c.fieller().interval());
        assertEquals(Agreement.DISAGREE, c.agreement(), () -> c.interval() + " vs " + c.fieller().interval());
    }

    @Test
    void percentChangeFormatsLikeTheSpec() {
        RatioComparison c = new RatioComparison(Pairing.PAIRED, 5, 5, 76.6, 100, 0.766,
                new Interval(0.729, 0.805, 0.95), null, null, null, Agreement.UNCHECKED, CostVerdict.CHEAPER, null,
                OPT);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("-23.4 % [-27.1, -19.5]", c.formatPercentChange());
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(-23.4, c.percentChange(), 1e-12);
    }

    @Test
    void zeroMeanBaselineHasNoRatio() {
        RatioComparison c = RatioComparison.of(new double[] {1, 2, 3}, new double[] {-1, 0, 1}, Pairing.PAIRED, OPT);
        assertNull(c.ratio());
        assertNull(c.interval());
        assertTrue(c.intervalMissing().contains("mean(Y) = 0"));
        assertEquals(CostVerdict.NO_DETECTABLE_DIFFERENCE, c.verdict());
        assertEquals("n/a", c.formatPercentChange());
    }

    @Test
    void fewerThanThreePairsHaveARatioButNoInterval() {
        RatioComparison c = RatioComparison.of(new double[] {1, 2}, new double[] {2, 4}, Pairing.PAIRED, OPT);
        assertEquals(0.5, c.ratio());
        assertNull(c.interval());
        assertNull(c.pValue());
        assertTrue(c.intervalMissing().contains("n = 2 < 3"));
        assertEquals("-50.0 % [n/a]", c.formatPercentChange());
        RatioComparison one = RatioComparison.of(new double[] {1}, new double[] {2}, Pairing.PAIRED, OPT);
        assertEquals(Agreement.UNCHECKED, one.agreement());
    }

    @Test
    void refusesNaNAndUnequalPairs() {
        assertThrows(IllegalArgumentException.class, () -> RatioComparison.of(new double[] {1, 2, Double.NaN},
                new double[] {1, 2, 3}, Pairing.UNPAIRED, OPT));
        assertThrows(IllegalArgumentException.class,
                () -> RatioComparison.of(Reference.X, Reference.Y, Pairing.PAIRED, OPT));
    }

    @Test
    void optionsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> OPT.withLevel(0.4));
        assertThrows(IllegalArgumentException.class, () -> OPT.withNoise(-0.01));
        assertThrows(IllegalArgumentException.class, () -> OPT.withResamples(5));
        assertThrows(IllegalArgumentException.class, () -> OPT.withEquivalenceMarginPp(0));
    }
}
