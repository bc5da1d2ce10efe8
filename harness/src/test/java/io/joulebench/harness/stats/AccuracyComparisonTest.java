package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccuracyComparisonTest {
    private static final ComparisonOptions OPT = ComparisonOptions.DEFAULTS;

    @Test
    void equivalentWhenTheNinetyPercentIntervalIsInsideTheMargin() {
        AccuracyComparison c = AccuracyComparison.ofPercent(Reference.ACC_X, Reference.ACC_Y, Pairing.PAIRED, OPT);
        // reference.py: "paired CI 90 = [-0.06339310600717685, 0.16339310600718057]" (stats.ttest_rel), and
        // "tost paired p (margin 0.5) = 0.00024692911390957134" (statsmodels ttost_paired): p < 0.05, equivalent.
        assertEquals(-0.06339310600717685, c.tostInterval().lower(), 1e-8);
        assertEquals(0.16339310600718057, c.tostInterval().upper(), 1e-8);
        assertEquals(0.90, c.tostInterval().level(), 1e-15);
        assertEquals(0.05, c.differencePp(), 1e-12);
        assertEquals(AccuracyVerdict.EQUIVALENT, c.verdict());
    }

    @Test
    void pairedAndWelchIntervalsAreTheTIntervals() {
        AccuracyComparison p = AccuracyComparison.ofPercent(Reference.X, Reference.Y_PAIRED, Pairing.PAIRED, OPT);
        // "paired ttest_rel CI = [-9.52139250402275, -8.245274162643916]"
        assertEquals(-9.52139250402275, p.interval().lower(), 1e-8);
        assertEquals(AccuracyVerdict.WORSE, p.verdict());
        AccuracyComparison w = AccuracyComparison.ofPercent(Reference.Y, Reference.X, Pairing.UNPAIRED, OPT);
        // "welch CompareMeans.tconfint_diff unequal = [-11.822189243045084, -6.62542980457393]", sign flipped
        assertEquals(6.62542980457393, w.interval().lower(), 1e-8);
        assertEquals(11.822189243045084, w.interval().upper(), 1e-8);
        assertEquals(AccuracyVerdict.BETTER, w.verdict());
    }

    @Test
    void theRuleIsExclusiveAndUnclearInBetween() {
        Interval tost = new Interval(-0.2, 0.3, 0.90);
        assertEquals(AccuracyVerdict.EQUIVALENT,
                AccuracyComparison.verdict(new Interval(-0.3, 0.6, 0.95), tost, 0.5));
        assertEquals(AccuracyVerdict.UNCLEAR, AccuracyComparison.verdict(new Interval(0.1, 0.9, 0.95),
                new Interval(0.2, 0.8, 0.90), 0.5), "above 0 but not beyond the margin, nor inside it");
        assertEquals(AccuracyVerdict.BETTER, AccuracyComparison.verdict(new Interval(0.6, 0.9, 0.95),
                new Interval(0.65, 0.85, 0.90), 0.5));
        assertEquals(AccuracyVerdict.WORSE, AccuracyComparison.verdict(new Interval(-1.9, -0.6, 0.95),
                new Interval(-1.8, -0.7, 0.90), 0.5));
    }

    @Test
    void tooFewValuesAreUnclear() {
        AccuracyComparison c = AccuracyComparison.ofPercent(new double[] {90, 91}, new double[] {80, 81},
                Pairing.PAIRED, OPT);
        assertEquals(10, c.differencePp(), 1e-12);
        assertNull(c.interval());
        assertEquals(AccuracyVerdict.UNCLEAR, c.verdict());
        assertTrue(c.intervalMissing().contains("n = 2"));
    }
}
