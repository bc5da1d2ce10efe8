package io.joulebench.harness.stats;

import java.util.Locale;

/**
 * A cost metric of arm X against baseline Y: the ratio of means R = mean(X)/mean(Y) with its bootstrap interval
 * (primary, gives the verdict) and Fieller's interval (the check), their agreement, and the three-state verdict.
 *
 * <p>Below {@link Summary#MIN_N_FOR_INTERVAL} values in either arm, or when mean(Y) = 0, there is no interval:
 * {@code interval}, {@code bootstrap}, {@code fieller} (and {@code pValue} below 3 values) are null and
 * {@code intervalMissing} says why; the verdict is then {@link CostVerdict#NO_DETECTABLE_DIFFERENCE}.
 *
 * @param pairing paired seeds or independent arms
 * @param nX values of X
 * @param nY values of Y
 * @param meanX mean(X)
 * @param meanY mean(Y)
 * @param ratio R, or null when mean(Y) = 0
 * @param interval the primary interval: the bootstrap interval of {@code options.method()} at {@code options.level()}
 * @param intervalMissing why {@code interval} is null, else null
 * @param bootstrap both bootstrap intervals, or null when none was drawn
 * @param fieller Fieller's interval at the same level, or null when none was computed
 * @param agreement bootstrap (primary) against Fieller, see {@link Agreement}
 * @param verdict from the primary interval and {@code options.noise()}
 * @param pValue two-sided p-value of H0: mean(X) = mean(Y), i.e. R = 1, from the t-test on differences (paired)
 *     or Welch's t (unpaired). This is the test that Fieller's interval inverts at R = 1, so it is dual to it;
 *     null below 3 values per arm
 * @param options the settings used
 */
public record RatioComparison(Pairing pairing, int nX, int nY, double meanX, double meanY, Double ratio,
        Interval interval, String intervalMissing, RatioBootstrap bootstrap, FiellerInterval fieller,
        Agreement agreement, CostVerdict verdict, Double pValue, ComparisonOptions options) {

    /** Compares cost metric values of X against Y (at least 1 each; equal lengths when paired). */
    public static RatioComparison of(double[] x, double[] y, Pairing pairing, ComparisonOptions options) {
        Checks.finite("x", x, 1);
        Checks.finite("y", y, 1);
        if (pairing == Pairing.PAIRED) {
            Checks.paired(x, y);
        }
        double mx = Moments.mean(x);
        double my = Moments.mean(y);
        int min = Math.min(x.length, y.length);
        Double p = min >= Summary.MIN_N_FOR_INTERVAL ? MeanDifference.of(x, y, pairing, options.level()).pValue() : null;
        if (my == 0) {
            return undefined(x, y, pairing, mx, my, null, "mean(Y) = 0: the ratio is undefined", p, options);
        }
        Double r = RatioBootstrap.ratioOfMeans(x, y);
        if (min < Summary.MIN_N_FOR_INTERVAL) {
            return undefined(x, y, pairing, mx, my, r, "n = " + min + " < " + Summary.MIN_N_FOR_INTERVAL
                    + ": too few values for an interval", p, options);
        }
        RatioBootstrap boot = RatioBootstrap.of(x, y, pairing, options.level(), options.resamples(), options.seed());
        FiellerInterval fieller = FiellerInterval.of(x, y, pairing, options.level());
        Interval primary = boot.interval(options.method());
        return new RatioComparison(pairing, x.length, y.length, mx, my, r, primary, boot.missing(options.method()),
                boot, fieller, Agreement.of(primary, fieller.interval(), options.disagreementTolerance()),
                verdict(primary, options.noise()), p, options);
    }

    private static RatioComparison undefined(double[] x, double[] y, Pairing pairing, double mx, double my, Double r,
            String why, Double p, ComparisonOptions options) {
        return new RatioComparison(pairing, x.length, y.length, mx, my, r, null, why, null, null, Agreement.UNCHECKED,
                CostVerdict.NO_DETECTABLE_DIFFERENCE, p, options);
    }

    static CostVerdict verdict(Interval ratioInterval, double noise) {
        if (ratioInterval == null) {
            return CostVerdict.NO_DETECTABLE_DIFFERENCE;
        }
        if (ratioInterval.below(1 - noise)) {
            return CostVerdict.CHEAPER;
        }
        return ratioInterval.above(1 + noise) ? CostVerdict.COSTLIER : CostVerdict.NO_DETECTABLE_DIFFERENCE;
    }

    /** The change of X against Y as a percentage, (R - 1) 100, or null when R is undefined. */
    public Double percentChange() {
        return ratio == null ? null : (ratio - 1) * 100;
    }

    /** The primary interval as a percentage change, or null. */
    public Interval percentChangeInterval() {
        return interval == null ? null : interval.affine(-100, 100);
    }

    /**
     * The change with its interval, one decimal, Locale.ROOT: "-23.4 % [-27.1, -19.5]"; "-23.4 % [n/a]" without
     * an interval and "n/a" without a ratio.
     */
    public String formatPercentChange() {
        if (ratio == null) {
            return "n/a";
        }
        Interval pct = percentChangeInterval();
        String bounds = pct == null ? "n/a" : fmt(pct.lower()) + ", " + fmt(pct.upper());
        return fmt(percentChange()) + " % [" + bounds + "]";
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.equals("-0.0") ? "0.0" : s; // a change that rounds to zero has no sign
    }
}
