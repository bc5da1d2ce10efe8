package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HolmAdjustmentTest {
    @Test
    void adjustedPValuesMatchStatsmodels() {
        // reference.py: multipletests([0.01, 0.04, 0.03, 0.005, 0.20], alpha=0.05, method='holm')
        // "holm adjusted = [0.04, 0.09, 0.09, 0.025, 0.2]", "holm rejected = [1.0, 0.0, 0.0, 1.0, 0.0]"
        HolmAdjustment h = HolmAdjustment.of(new double[] {0.01, 0.04, 0.03, 0.005, 0.20}, 0.95);
        double[] expected = {0.04, 0.09, 0.09, 0.025, 0.2};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], h.adjustedPValues().get(i), 1e-15, "p~[" + i + "]");
        }
        // Step-down levels: ranks 1 and 2 (0.005, 0.01) rejected at 0.05/5 and 0.05/4; rank 3 (0.03 > 0.05/3)
        // stops the procedure, so ranks 3 to 5 keep 1 - 0.05/3.
        List<Double> levels = h.levels();
        assertEquals(1 - 0.05 / 4, levels.get(0), 1e-15);
        assertEquals(1 - 0.05 / 5, levels.get(3), 1e-15);
        assertEquals(1 - 0.05 / 3, levels.get(2), 1e-15);
        assertEquals(1 - 0.05 / 3, levels.get(1), 1e-15);
        assertEquals(1 - 0.05 / 3, levels.get(4), 1e-15);
        assertEquals(1 - 0.05 / 5, h.bonferroniLevel(), 1e-15);
    }

    @Test
    void aFamilyOfOneIsUnadjusted() {
        HolmAdjustment h = HolmAdjustment.of(new double[] {0.3}, 0.95);
        assertEquals(0.3, h.adjustedPValues().get(0));
        assertEquals(0.95, h.levels().get(0), 1e-15);
    }

    @Test
    void refusesNonProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> HolmAdjustment.of(new double[] {1.5}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> HolmAdjustment.of(new double[] {Double.NaN}, 0.95));
    }
}
