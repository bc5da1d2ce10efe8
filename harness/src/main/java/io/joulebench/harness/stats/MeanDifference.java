package io.joulebench.harness.stats;

/**
 * The difference of means mean(X) - mean(Y) with a Student-t interval and the two-sided p-value of "no difference":
 * the paired t on the differences x[i] - y[i] (df = n - 1), or Welch's t (Welch-Satterthwaite df).
 *
 * @param estimate mean(X) - mean(Y)
 * @param standardError its standard error
 * @param df degrees of freedom; NaN for Welch when both samples have zero variance (the interval is then a point)
 * @param interval the interval at the requested level
 * @param pValue two-sided p-value of H0: difference = 0 (1 when estimate and standard error are both 0; 0 when only
 *     the standard error is)
 * @param pairing how it was computed
 */
public record MeanDifference(double estimate, double standardError, double df, Interval interval, double pValue,
        Pairing pairing) {

    /** Refuses fewer than 2 values per arm (no variance), and unequal lengths when paired. */
    public static MeanDifference of(double[] x, double[] y, Pairing pairing, double level) {
        Checks.finite("x", x, 2);
        Checks.finite("y", y, 2);
        Checks.level(level);
        return pairing == Pairing.PAIRED ? paired(x, y, level) : welch(x, y, level);
    }

    private static MeanDifference paired(double[] x, double[] y, double level) {
        Checks.paired(x, y);
        int n = x.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - y[i];
        }
        double mean = Moments.mean(d);
        double se = Math.sqrt(Moments.variance(d, mean) / n);
        return build(mean, se, n - 1, level, Pairing.PAIRED);
    }

    private static MeanDifference welch(double[] x, double[] y, double level) {
        double mx = Moments.mean(x);
        double my = Moments.mean(y);
        double vx = Moments.variance(x, mx) / x.length;
        double vy = Moments.variance(y, my) / y.length;
        double se = Math.sqrt(vx + vy);
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        return build(mx - my, se, df, level, Pairing.UNPAIRED);
    }

    private static MeanDifference build(double est, double se, double df, double level, Pairing pairing) {
        if (se == 0) {
            // Zero variance: the interval is the point itself and the test is decided without t.
            return new MeanDifference(est, 0, df, new Interval(est, est, level), est == 0 ? 1 : 0, pairing);
        }
        double half = Distributions.tCritical(level, df) * se;
        double p = Distributions.tTwoSidedP(est / se, df);
        return new MeanDifference(est, se, df, new Interval(est - half, est + half, level), p, pairing);
    }
}
