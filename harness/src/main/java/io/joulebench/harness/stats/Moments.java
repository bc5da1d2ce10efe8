package io.joulebench.harness.stats;

/** Means, variances and covariances, two-pass (the mean first) for accuracy. */
final class Moments {
    private Moments() {
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample variance, divisor n - 1 (n >= 2). */
    static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            double d = x - mean;
            s += d * d;
        }
        return s / (v.length - 1);
    }

    /** Sample covariance, divisor n - 1 (equal lengths, n >= 2). */
    static double covariance(double[] x, double mx, double[] y, double my) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }
}
