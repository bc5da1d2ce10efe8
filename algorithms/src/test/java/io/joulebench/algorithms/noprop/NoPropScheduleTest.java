package io.joulebench.algorithms.noprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoPropScheduleTest {

    @Test
    void cosineScheduleRisesFromNoiseToAlmostCleanWithRisingSnr() {
        for (int blocks : new int[] {1, 2, 3, 10, 50}) {
            NoiseSchedule s = NoiseSchedule.cosine(blocks);
            assertEquals(blocks, s.blocks());
            assertEquals(0.0, s.abar(0));
            assertEquals(NoiseSchedule.MAX_ABAR, s.abar(blocks), 1e-15);
            for (int t = 1; t <= blocks; t++) {
                assertTrue(s.abar(t) > s.abar(t - 1) && s.snr(t) > s.snr(t - 1), "T " + blocks + ", t " + t);
                assertTrue(s.denoisingWeight(t, 0.1) > 0);
            }
        }
        // T = 10: abar_9 = f(1)/f(0), f(k) = cos^2(pi/2 (k/10 + 0.008)/1.008) = 0.971942 / 0.999845
        assertEquals(0.972093, NoiseSchedule.cosine(10).abar(9), 1e-6);
    }

    @Test
    void inferenceCoefficientsMatchAHandComputedCase() {
        // abar = (0.1, 0.5, 0.9), T = 2. alpha_{t-1} = abar_{t-1} / abar_t.
        // t = 1: alpha_0 = 0.2; a = sqrt(0.5) 0.8 / 0.9 = 0.628539; b = sqrt(0.2) 0.5 / 0.9 = 0.248452;
        //        c = 0.5 * 0.8 / 0.9 = 0.444444.
        // t = 2: alpha_1 = 5/9; a = sqrt(0.9) (4/9) / 0.5 = 0.843274; b = sqrt(5/9) 0.1 / 0.5 = 0.149071;
        //        c = 0.1 (4/9) / 0.5 = 0.088889.
        // Cross-check by Bayes with q(z_t|y) = N(sqrt(abar_t) u, 1 - abar_t), q(z_{t-1}|z_t) = N(sqrt(alpha) z_t,
        // 1 - alpha): posterior precision 1/(1 - abar_t) + alpha/(1 - alpha) (t = 1: 2 + 0.25 = 2.25, c = 1/2.25),
        // mean c (sqrt(abar_t)/(1 - abar_t) u + sqrt(alpha)/(1 - alpha) z_{t-1}) (t = 1: a = 0.444444 * 1.414214,
        // b = 0.444444 * 0.559017).
        NoiseSchedule s = new NoiseSchedule(new double[] {0.1, 0.5, 0.9});
        assertStep(s.step(1), 0.628539, 0.248452, 0.444444);
        assertStep(s.step(2), 0.843274, 0.149071, 0.088889);
        for (int t = 1; t <= 2; t++) {
            double alpha = s.abar(t - 1) / s.abar(t);
            double precision = 1 / (1 - s.abar(t)) + alpha / (1 - alpha);
            double c = 1 / precision;
            assertStep(s.step(t), c * Math.sqrt(s.abar(t)) / (1 - s.abar(t)), c * Math.sqrt(alpha) / (1 - alpha), c);
        }
        assertThrows(IllegalArgumentException.class, () -> s.step(3));
    }

    @Test
    void rejectsSchedulesThatDoNotRise() {
        assertThrows(IllegalArgumentException.class, () -> new NoiseSchedule(new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> new NoiseSchedule(new double[] {0.1, 1.0}));
    }

    private static void assertStep(NoiseSchedule.Step step, double a, double b, double c) {
        assertEquals(a, step.a(), 1e-6, "a");
        assertEquals(b, step.b(), 1e-6, "b");
        assertEquals(c, step.c(), 1e-6, "c");
    }
}
