package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DistributionsTest {
    // reference.py, "# t quantiles: stats.t.ppf"
    @Test
    void tQuantilesMatchScipy() {
        double[][] cases = {
            {0.975, 1, 12.706204736432095}, {0.975, 2, 4.302652729911275}, {0.975, 4, 2.7764451051977987},
            {0.975, 9, 2.2621571627409915}, {0.975, 19, 2.093024054408263}, {0.95, 4, 2.13184678133629},
            {0.975, 7.5, 2.333039626555376}, {0.995, 30, 2.7499956535670305},
        };
        for (double[] c : cases) {
            assertEquals(c[2], Distributions.tQuantile(c[0], c[1]), 1e-8, "t.ppf(" + c[0] + ", " + c[1] + ")");
        }
        assertEquals(2.7764451051977987, Distributions.tCritical(0.95, 4), 1e-8);
    }

    @Test
    void tailProbabilityInvertsTheQuantile() {
        assertEquals(0.05, Distributions.tTwoSidedP(2.2621571627409915, 9), 1e-9);
    }

    @Test
    void refusesNonPositiveDegreesOfFreedom() {
        assertThrows(IllegalArgumentException.class, () -> Distributions.tQuantile(0.975, 0));
        assertThrows(IllegalArgumentException.class, () -> Distributions.tQuantile(0.975, Double.NaN));
    }
}
