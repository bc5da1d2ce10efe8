package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FiellerIntervalTest {
    // reference.py computes each example twice: from the spec's closed form and by solving the quadratic
    // (mx - rho my)^2 = t^2 (vx - 2 rho vxy + rho^2 vy) with numpy.roots; both agree to 1e-13.

    @Test
    void pairedMatchesTheFormulaAndTheQuadratic() {
        FiellerInterval f = FiellerInterval.of(Reference.X, Reference.Y_PAIRED, Pairing.PAIRED, 0.95);
        // "fieller paired X/Yp (R, g, df, formula, quadratic) = [0.9193279854699562, 0.0004604525803148396, 5.0,
        //  0.9142239939977959, 0.9244849256270729, 0.9142239939977777, 0.9244849256270912]"
        assertEquals(0.9193279854699562, f.ratio(), 1e-14);
        assertEquals(0.0004604525803148396, f.g(), 1e-12);
        assertEquals(5, f.df());
        assertEquals(0.9142239939977959, f.interval().lower(), 1e-10);
        assertEquals(0.9244849256270729, f.interval().upper(), 1e-10);
    }

    @Test
    void unpairedUsesWelchTypeDegreesOfFreedom() {
        FiellerInterval f = FiellerInterval.of(Reference.X, Reference.Y, Pairing.UNPAIRED, 0.95);
        // "fieller unpaired X/Y (R, g, df, formula, quadratic) = [0.9164942231419212, 0.0002871391690681067,
        //  10.772366013512254, 0.894173298621852, 0.9393416216126604, 0.8941732986218534, 0.939341621612659]"
        assertEquals(0.9164942231419212, f.ratio(), 1e-14);
        assertEquals(10.772366013512254, f.df(), 1e-9);
        assertEquals(0.0002871391690681067, f.g(), 1e-12);
        assertEquals(0.894173298621852, f.interval().lower(), 1e-10);
        assertEquals(0.9393416216126604, f.interval().upper(), 1e-10);
    }

    @Test
    void gAtLeastOneIsUndefined() {
        // "fieller g for X[:5]/N unpaired (>= 1: undefined) = 56.95715665275241"
        double[] x5 = java.util.Arrays.copyOf(Reference.X, 5);
        FiellerInterval f = FiellerInterval.of(x5, Reference.NEAR_ZERO, Pairing.UNPAIRED, 0.95);
        assertEquals(56.95715665275241, f.g(), 1e-7);
        assertNull(f.interval());
        assertTrue(f.undefinedReason().contains("unbounded"), f.undefinedReason());
    }

    @Test
    void zeroMeanOfYIsUndefined() {
        FiellerInterval f = FiellerInterval.of(new double[] {1, 2, 3}, new double[] {-1, 0, 1}, Pairing.PAIRED, 0.95);
        assertNull(f.interval());
        assertTrue(f.undefinedReason().contains("mean(Y) = 0"));
    }

    @Test
    void zeroVarianceInBothArmsIsThePoint() {
        FiellerInterval f = FiellerInterval.of(new double[] {2, 2, 2}, new double[] {4, 4, 4}, Pairing.UNPAIRED, 0.95);
        assertEquals(0.5, f.interval().lower());
        assertEquals(0.5, f.interval().upper());
    }

    @Test
    void zeroVarianceInTheBaselineOnlyIsTheTIntervalOfXScaled() {
        double[] x = {1.8, 2.1, 2.4};
        FiellerInterval f = FiellerInterval.of(x, new double[] {2, 2, 2}, Pairing.PAIRED, 0.95);
        Summary s = Summary.of(x);
        assertEquals(s.ci95().lower() / 2, f.interval().lower(), 1e-12);
        assertEquals(s.ci95().upper() / 2, f.interval().upper(), 1e-12);
    }

    @Test
    void refusesTooFewValuesAndUnequalPairs() {
        assertThrows(IllegalArgumentException.class,
                () -> FiellerInterval.of(new double[] {1}, new double[] {1, 2}, Pairing.UNPAIRED, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> FiellerInterval.of(Reference.X, Reference.Y, Pairing.PAIRED, 0.95));
    }
}
