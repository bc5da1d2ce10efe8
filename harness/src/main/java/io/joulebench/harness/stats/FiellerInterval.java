package io.joulebench.harness.stats;

import java.util.Locale;

/**
 * Fieller's interval for the ratio of means R = mean(X) / mean(Y), exactly as spec/experiments.md writes it:
 * with v_x = s_x^2/n_x, v_y = s_y^2/n_y, v_xy = cov/n (0 unpaired) and g = t^2 v_y / mean(Y)^2,
 * rho = [R - g v_xy/v_y +- (t/mean(Y)) sqrt(v_x - 2R v_xy + R^2 v_y - g (v_x - v_xy^2/v_y))] / (1 - g).
 *
 * <p>Paired: df = n - 1. Unpaired: the Welch-Satterthwaite df of mean(X) - R mean(Y) with the plug-in R,
 * df = (v_x + R^2 v_y)^2 / (v_x^2/(n_x - 1) + R^4 v_y^2/(n_y - 1)). When v_y = 0 the terms in v_xy/v_y are 0
 * (v_xy is then 0 too). g >= 1 means mean(Y) is not distinguishable from 0 at this level and the confidence set is
 * unbounded: the interval is then undefined.
 *
 * @param ratio R
 * @param g Fieller's g (infinite when mean(Y) = 0)
 * @param df degrees of freedom (NaN unpaired when both variances are 0: the interval is then the point R)
 * @param interval the interval, or null when undefined
 * @param undefinedReason why {@code interval} is null, else null
 */
public record FiellerInterval(double ratio, double g, double df, Interval interval, String undefinedReason) {

    /** Needs at least 2 values per arm, and equal lengths when paired. */
    public static FiellerInterval of(double[] x, double[] y, Pairing pairing, double level) {
        Checks.finite("x", x, 2);
        Checks.finite("y", y, 2);
        Checks.level(level);
        boolean paired = pairing == Pairing.PAIRED;
        if (paired) {
            Checks.paired(x, y);
        }
        double mx = Moments.mean(x);
        double my = Moments.mean(y);
        if (my == 0) {
            return new FiellerInterval(Double.NaN, Double.POSITIVE_INFINITY, Double.NaN, null,
                    "mean(Y) = 0: the ratio is undefined");
        }
        double r = mx / my;
        double vx = Moments.variance(x, mx) / x.length;
        double vy = Moments.variance(y, my) / y.length;
        double vxy = paired ? Moments.covariance(x, mx, y, my) / x.length : 0;
        double df = paired ? x.length - 1
                : sq(vx + r * r * vy) / (vx * vx / (x.length - 1) + sq(r * r * vy) / (y.length - 1));
        if (vx == 0 && vy == 0) {
            return new FiellerInterval(r, 0, df, new Interval(r, r, level), null);
        }
        double t = Distributions.tCritical(level, df);
        double g = t * t * vy / (my * my);
        if (g >= 1) {
            return new FiellerInterval(r, g, df, null, String.format(Locale.ROOT,
                    "g = %.3g >= 1: mean(Y) is not distinguishable from 0, Fieller's set is unbounded", g));
        }
        double vxyOverVy = vy > 0 ? vxy / vy : 0;
        double disc = vx - 2 * r * vxy + r * r * vy - g * (vx - vxy * vxyOverVy);
        // The discriminant is non-negative when g < 1; clamp rounding noise of a near-degenerate case.
        double half = Math.abs(t / my) * Math.sqrt(Math.max(0, disc));
        double centre = r - g * vxyOverVy;
        return new FiellerInterval(r, g, df, new Interval((centre - half) / (1 - g), (centre + half) / (1 - g), level),
                null);
    }

    private static double sq(double v) {
        return v * v;
    }
}
