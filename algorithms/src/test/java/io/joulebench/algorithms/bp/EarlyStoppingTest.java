package io.joulebench.algorithms.bp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    @Test
    void stopsAfterPatienceEpochsWithoutLossImprovement() {
        EarlyStopping s = new EarlyStopping(2, 0);
        assertFalse(s.update(1, 1.0, 0.5).stop());
        assertFalse(s.update(2, 1.0, 0.6).stop()); // equal loss is no improvement (min delta 0)
        assertTrue(s.update(3, 1.1, 0.4).stop());
        assertEquals(2, s.bestAccuracyEpoch());
    }

    @Test
    void improvementResetsPatienceAndMinDeltaApplies() {
        EarlyStopping s = new EarlyStopping(2, 0.1);
        s.update(1, 1.0, 0.1);
        assertFalse(s.update(2, 0.95, 0.2).stop()); // not better by more than 0.1
        assertFalse(s.update(3, 0.8, 0.3).stop()); // better: counter reset
        assertFalse(s.update(4, 0.79, 0.3).stop());
        assertTrue(s.update(5, 0.75, 0.3).stop());
        assertEquals(3, s.bestAccuracyEpoch(), "ties keep the earlier best");
    }
}
