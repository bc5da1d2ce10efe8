package io.joulebench.harness.stats;

/** Quantiles of sorted data, Hyndman and Fan's type 7 (linear interpolation; R's and NumPy's default). */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The p-quantile of {@code sorted[0..n)}, already in ascending order: h = (n - 1) p, interpolated linearly
     * between the order statistics around h.
     */
    public static double type7(double[] sorted, int n, double p) {
        if (n < 1 || n > sorted.length) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double type7(double[] sorted, double p) {
        return type7(sorted, sorted.length, p);
    }
}
