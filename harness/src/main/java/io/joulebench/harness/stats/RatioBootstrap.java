package io.joulebench.harness.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bootstrap of the ratio of means mean(X) / mean(Y): paired resamples draw seed pairs (one index for both
 * arms), unpaired ones draw each arm's values within that arm. The generator is a {@link SplittableRandom} seeded
 * with {@code seed}, so the same inputs and seed give the same interval on every machine.
 *
 * <p>BCa follows Efron and Tibshirani (1993, 14.3 and 15.4): z0 = Phi^-1 of the share of bootstrap ratios below
 * R (ties count half), acceleration from the jackknife (of pairs when paired; of each arm in turn, summed, when
 * unpaired), quantiles at Phi(z0 + (z0 + z)/(1 - a (z0 + z))) for z = Phi^-1((1 -+ level)/2).
 *
 * @param ratio R on the data
 * @param resamples number of resamples
 * @param seed the generator's seed
 * @param percentile the percentile interval, or null (see {@code percentileMissing})
 * @param percentileMissing why {@code percentile} is null, else null
 * @param bca the BCa interval, or null (see {@code bcaMissing})
 * @param bcaMissing why {@code bca} is null, else null
 */
public record RatioBootstrap(double ratio, int resamples, long seed, Interval percentile, String percentileMissing,
        Interval bca, String bcaMissing) {

    /** Needs at least 1 value per arm, mean(Y) != 0, equal lengths when paired, and resamples >= 100. */
    public static RatioBootstrap of(double[] x, double[] y, Pairing pairing, double level, int resamples, long seed) {
        Checks.finite("x", x, 1);
        Checks.finite("y", y, 1);
        Checks.level(level);
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples, got " + resamples);
        }
        boolean paired = pairing == Pairing.PAIRED;
        if (paired) {
            Checks.paired(x, y);
        }
        double r = ratioOfMeans(x, y);
        if (!Double.isFinite(r)) {
            String why = "mean(Y) = 0: the ratio is undefined";
            return new RatioBootstrap(r, resamples, seed, null, why, null, why);
        }
        double[] t = new double[resamples];
        int zeroDenominators = paired ? resamplePaired(x, y, t, seed) : resampleUnpaired(x, y, t, seed);
        if (zeroDenominators > 0) {
            String why = zeroDenominators + " of " + resamples + " resamples have mean(Y) = 0";
            return new RatioBootstrap(r, resamples, seed, null, why, null, why);
        }
        Arrays.sort(t);
        double alpha = (1 - level) / 2;
        Interval pct = new Interval(Quantiles.type7(t, alpha), Quantiles.type7(t, 1 - alpha), level);
        if (t[0] == t[resamples - 1]) {
            // Every resample gives R (no variation): BCa's acceleration is 0/0 but the interval is plainly the point.
            return new RatioBootstrap(r, resamples, seed, pct, null, pct, null);
        }
        double a = acceleration(x, y, paired);
        if (!Double.isFinite(a)) {
            return new RatioBootstrap(r, resamples, seed, pct, null, null,
                    "BCa acceleration undefined (jackknife ratios not finite or all equal)");
        }
        double z0 = Distributions.normalQuantile(shareBelow(t, r));
        if (!Double.isFinite(z0)) {
            return new RatioBootstrap(r, resamples, seed, pct, null, null,
                    "BCa bias correction undefined: every resample lies on one side of R");
        }
        double zLo = Distributions.normalQuantile(alpha);
        double a1 = Distributions.normalCdf(z0 + (z0 + zLo) / (1 - a * (z0 + zLo)));
        double a2 = Distributions.normalCdf(z0 + (z0 - zLo) / (1 - a * (z0 - zLo)));
        if (!(a1 >= 0 && a2 <= 1 && a1 <= a2)) {
            return new RatioBootstrap(r, resamples, seed, pct, null, null, "BCa quantile levels out of order");
        }
        Interval bca = new Interval(Quantiles.type7(t, a1), Quantiles.type7(t, a2), level);
        return new RatioBootstrap(r, resamples, seed, pct, null, bca, null);
    }

    /** The interval of {@code method}, or null. */
    public Interval interval(BootstrapMethod method) {
        return method == BootstrapMethod.BCA ? bca : percentile;
    }

    /** Why the interval of {@code method} is missing, or null. */
    public String missing(BootstrapMethod method) {
        return method == BootstrapMethod.BCA ? bcaMissing : percentileMissing;
    }

    static double ratioOfMeans(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        for (double v : x) {
            sx += v;
        }
        for (double v : y) {
            sy += v;
        }
        // Computed exactly as the resamples are, so that "below R" compares like with like.
        return (sx / x.length) / (sy / y.length);
    }

    // Hot loops: primitive arrays only, one index per draw, no index arrays (10 000 x n draws per comparison).
    private static int resamplePaired(double[] x, double[] y, double[] out, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = x.length;
        int zeros = 0;
        for (int b = 0; b < out.length; b++) {
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                sx += x[j];
                sy += y[j];
            }
            if (sy == 0) {
                zeros++;
            }
            out[b] = (sx / n) / (sy / n);
        }
        return zeros;
    }

    private static int resampleUnpaired(double[] x, double[] y, double[] out, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int nx = x.length;
        int ny = y.length;
        int zeros = 0;
        for (int b = 0; b < out.length; b++) {
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < nx; i++) {
                sx += x[rng.nextInt(nx)];
            }
            for (int i = 0; i < ny; i++) {
                sy += y[rng.nextInt(ny)];
            }
            if (sy == 0) {
                zeros++;
            }
            out[b] = (sx / nx) / (sy / ny);
        }
        return zeros;
    }

    /** Share of sorted bootstrap ratios below r, ties counted half. */
    private static double shareBelow(double[] sorted, double r) {
        int below = 0;
        int atOrBelow = 0;
        for (double v : sorted) {
            if (v < r) {
                below++;
            }
            if (v <= r) {
                atOrBelow++;
            }
        }
        return (below + atOrBelow) / (2.0 * sorted.length);
    }

    /** Efron's jackknife acceleration; for two independent arms, each arm's jackknife in turn, summed. */
    private static double acceleration(double[] x, double[] y, boolean paired) {
        double sx = 0;
        double sy = 0;
        for (double v : x) {
            sx += v;
        }
        for (double v : y) {
            sy += v;
        }
        double num = 0;
        double den = 0;
        if (paired) {
            int n = x.length;
            if (n < 2) {
                return Double.NaN;
            }
            double[] jack = new double[n];
            for (int i = 0; i < n; i++) {
                jack[i] = (sx - x[i]) / (sy - y[i]);
            }
            double[] nd = jackknifeMoments(jack);
            num = nd[0];
            den = nd[1];
        } else {
            if (x.length < 2 || y.length < 2) {
                return Double.NaN;
            }
            double my = sy / y.length;
            double[] jx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                jx[i] = ((sx - x[i]) / (x.length - 1)) / my;
            }
            double mx = sx / x.length;
            double[] jy = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                jy[i] = mx / ((sy - y[i]) / (y.length - 1));
            }
            double[] a = jackknifeMoments(jx);
            double[] b = jackknifeMoments(jy);
            num = a[0] + b[0];
            den = a[1] + b[1];
        }
        return num / (6 * Math.pow(den, 1.5));
    }

    /** With U_i = (n - 1)(mean - theta_i): {sum U^3 / n^3, sum U^2 / n^2}. */
    private static double[] jackknifeMoments(double[] theta) {
        int n = theta.length;
        double mean = Moments.mean(theta);
        double s2 = 0;
        double s3 = 0;
        for (double v : theta) {
            double u = (n - 1) * (mean - v);
            s2 += u * u;
            s3 += u * u * u;
        }
        return new double[] {s3 / ((double) n * n * n), s2 / ((double) n * n)};
    }
}
