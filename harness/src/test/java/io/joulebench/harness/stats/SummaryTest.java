package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void matchesScipyOnASampleWithAnOutlier() {
        Summary s = Summary.of(Reference.A);
        // reference.py: "A mean, sd = [12.714285714285714, 1.432280898227918]"
        assertEquals(7, s.n());
        assertEquals(12.714285714285714, s.mean(), 1e-12);
        assertEquals(1.432280898227918, s.sd(), 1e-12);
        assertEquals(1.432280898227918 / 12.714285714285714, s.cv(), 1e-12);
        // "A t.interval 95 = [11.389646816436434, 14.038924612134993]" (statsmodels tconfint_mean agrees)
        assertEquals(11.389646816436434, s.ci95().lower(), 1e-8);
        assertEquals(14.038924612134993, s.ci95().upper(), 1e-8);
        assertEquals(0.95, s.ci95().level());
        assertNull(s.ci95Missing());
        // "A q1, median, q3, fences = [12.0, 12.3, 12.5, 11.25, 13.25]" (NumPy linear = type 7)
        assertEquals(12.3, s.median(), 1e-12);
        assertEquals(11.25, s.outliers().lowerFence(), 1e-12);
        assertEquals(13.25, s.outliers().upperFence(), 1e-12);
        assertEquals(List.of(6), s.outliers().indexes(), "15.9 flagged, never dropped");
        assertEquals(7, s.values().size());
        assertEquals(11.8, s.min());
        assertEquals(15.9, s.max());
    }

    @Test
    void oneValueHasNoSpreadAndNoInterval() {
        Summary s = Summary.of(new double[] {3.5});
        assertEquals(3.5, s.mean());
        assertEquals(3.5, s.median());
        assertTrue(Double.isNaN(s.sd()), "sd is undefined for one value, not 0");
        assertTrue(Double.isNaN(s.cv()));
        assertNull(s.ci95());
        assertTrue(s.ci95Missing().contains("n = 1 < 3"), s.ci95Missing());
        assertEquals(List.of(), s.outliers().indexes());
    }

    @Test
    void twoValuesHaveAnSdButNoInterval() {
        Summary s = Summary.of(new double[] {1, 3});
        assertEquals(Math.sqrt(2), s.sd(), 1e-15);
        assertNull(s.ci95());
        assertTrue(s.ci95Missing().contains("n = 2 < 3"));
    }

    @Test
    void zeroVarianceGivesAPointInterval() {
        Summary s = Summary.of(new double[] {4, 4, 4, 4});
        assertEquals(0, s.sd());
        assertEquals(0, s.cv());
        assertNotNull(s.ci95());
        assertEquals(4, s.ci95().lower());
        assertEquals(4, s.ci95().upper());
        assertEquals(List.of(), s.outliers().indexes());
    }

    @Test
    void zeroMeanHasNoCoefficientOfVariation() {
        assertTrue(Double.isNaN(Summary.of(new double[] {-1, 1, 0}).cv()));
    }

    @Test
    void refusesNaNInfinityAndEmptyInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Summary.of(new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("values[1] is NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(null));
    }

    @Test
    void leavesTheCallersArrayAlone() {
        double[] v = {3, 1, 2};
        Summary s = Summary.of(v);
        assertEquals(3, v[0]);
        assertEquals(List.of(3.0, 1.0, 2.0), s.values());
    }

    @Test
    void co2eIntervalIsTheEnergyIntervalScaled() {
        Summary energy = Summary.of(new double[] {1000, 1100, 1050});
        Summary co2e = Summary.of(new double[] {1000 * 0.4, 1100 * 0.4, 1050 * 0.4});
        assertEquals(co2e.ci95().lower(), energy.ci95().scaled(0.4).lower(), 1e-9);
        assertEquals(co2e.ci95().upper(), energy.ci95().scaled(0.4).upper(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> energy.ci95().scaled(0));
    }

    @Test
    void type7QuantilesInterpolate() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.75, Quantiles.type7(sorted, 0.25), 1e-15);
        assertEquals(2.5, Quantiles.type7(sorted, 0.5), 1e-15);
        assertEquals(4, Quantiles.type7(sorted, 1), 1e-15);
        assertEquals(1, Quantiles.type7(sorted, 0), 1e-15);
    }
}
