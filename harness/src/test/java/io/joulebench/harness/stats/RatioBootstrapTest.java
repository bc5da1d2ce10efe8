package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Our generator is not NumPy's, so intervals are compared with the mean of SciPy's intervals over 20 seeds,
 * within 5 standard deviations of one run's endpoint (reference.py prints both). Resampling within arms when
 * the data are paired, or percentile where BCa is asked for (and vice versa), misses by 20 or more.
 */
class RatioBootstrapTest {
    private static void near(double expected, double sdOverSeeds, double actual, String what) {
        assertEquals(expected, actual, 5 * sdOverSeeds, what);
    }

    @Test
    void pairedResamplesSeedPairs() {
        RatioBootstrap b = RatioBootstrap.of(Reference.BX, Reference.BY, Pairing.PAIRED, 0.95, 10_000, 1);
        // "boot paired=True percentile mean [lo, hi] = [0.7969125887360938, 0.8101828923764056]"
        // "boot paired=True percentile sd over seeds [lo, hi] = [0.00010853620129792622, 8.012209426031707e-05]"
        near(0.7969125887360938, 0.00010853620129792622, b.percentile().lower(), "percentile lower");
        near(0.8101828923764056, 8.012209426031707e-05, b.percentile().upper(), "percentile upper");
        // "boot paired=True BCa mean [lo, hi] = [0.7964693821375685, 0.8098853584404127]"
        // "boot paired=True BCa sd over seeds [lo, hi] = [0.00016673242390214229, 9.467958828054732e-05]"
        near(0.7964693821375685, 0.00016673242390214229, b.bca().lower(), "BCa lower");
        near(0.8098853584404127, 9.467958828054732e-05, b.bca().upper(), "BCa upper");
    }

    @Test
    void unpairedResamplesWithinArms() {
        RatioBootstrap b = RatioBootstrap.of(Reference.BX, Reference.BY, Pairing.UNPAIRED, 0.95, 10_000, 1);
        // "boot paired=False percentile mean [lo, hi] = [0.726786787028986, 0.888414645678661]"
        // "boot paired=False percentile sd over seeds [lo, hi] = [0.0010371286285632546, 0.0009468493223286303]"
        near(0.726786787028986, 0.0010371286285632546, b.percentile().lower(), "percentile lower");
        near(0.888414645678661, 0.0009468493223286303, b.percentile().upper(), "percentile upper");
        // "boot paired=False BCa mean [lo, hi] = [0.7263877794564506, 0.8878943496688698]"
        // "boot paired=False BCa sd over seeds [lo, hi] = [0.0010315302669936953, 0.0012569087049752565]"
        near(0.7263877794564506, 0.0010315302669936953, b.bca().lower(), "BCa lower");
        near(0.8878943496688698, 0.0012569087049752565, b.bca().upper(), "BCa upper");
    }

    @Test
    void bcaCorrectsForSkewWherePercentileDoesNot() {
        RatioBootstrap b = RatioBootstrap.of(Reference.SX, Reference.SY, Pairing.UNPAIRED, 0.95, 10_000, 1);
        // "skewed unpaired percentile mean [lo, hi] = [1.2521362205017996, 2.6654278273933665]"
        // "skewed unpaired percentile sd over seeds [lo, hi] = [0.0021720529182095924, 0.008484140434590934]"
        near(1.2521362205017996, 0.0021720529182095924, b.percentile().lower(), "percentile lower");
        near(2.6654278273933665, 0.008484140434590934, b.percentile().upper(), "percentile upper");
        // "skewed unpaired BCa mean [lo, hi] = [1.2938068976936186, 2.9019567478079007]"
        // "skewed unpaired BCa sd over seeds [lo, hi] = [0.003335197256124867, 0.027461622990960822]"
        near(1.2938068976936186, 0.003335197256124867, b.bca().lower(), "BCa lower");
        near(2.9019567478079007, 0.027461622990960822, b.bca().upper(), "BCa upper");
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherInterval() {
        RatioBootstrap a = RatioBootstrap.of(Reference.SX, Reference.SY, Pairing.UNPAIRED, 0.95, 2_000, 7);
        RatioBootstrap b = RatioBootstrap.of(Reference.SX, Reference.SY, Pairing.UNPAIRED, 0.95, 2_000, 7);
        RatioBootstrap c = RatioBootstrap.of(Reference.SX, Reference.SY, Pairing.UNPAIRED, 0.95, 2_000, 8);
        assertEquals(a, b);
        assertTrue(!a.percentile().equals(c.percentile()));
    }

    @Test
    void constantArmsGiveThePoint() {
        RatioBootstrap b = RatioBootstrap.of(new double[] {3, 3, 3}, new double[] {2, 2, 2}, Pairing.PAIRED, 0.95,
                1_000, 1);
        assertEquals(1.5, b.percentile().lower());
        assertEquals(1.5, b.bca().upper());
    }

    @Test
    void zeroDenominatorsMakeItUndefined() {
        RatioBootstrap zeroMean = RatioBootstrap.of(new double[] {1, 2, 3}, new double[] {-1, 0, 1}, Pairing.PAIRED,
                0.95, 1_000, 1);
        assertNull(zeroMean.percentile());
        assertTrue(zeroMean.percentileMissing().contains("mean(Y) = 0"));
        RatioBootstrap someZero = RatioBootstrap.of(new double[] {1, 2, 3}, new double[] {0, 0, 5}, Pairing.PAIRED,
                0.95, 1_000, 1);
        assertNull(someZero.bca());
        assertTrue(someZero.bcaMissing().contains("resamples have mean(Y) = 0"), someZero.bcaMissing());
    }

    @Test
    void refusesNaNUnequalPairsAndTooFewResamples() {
        assertThrows(IllegalArgumentException.class, () -> RatioBootstrap.of(new double[] {1, Double.NaN, 2},
                new double[] {1, 2, 3}, Pairing.PAIRED, 0.95, 1_000, 1));
        assertThrows(IllegalArgumentException.class,
                () -> RatioBootstrap.of(Reference.X, Reference.Y, Pairing.PAIRED, 0.95, 1_000, 1));
        assertThrows(IllegalArgumentException.class,
                () -> RatioBootstrap.of(Reference.X, Reference.Y, Pairing.UNPAIRED, 0.95, 10, 1));
    }
}
