package io.joulebench.harness.stats;

/**
 * Accuracy of arm X against baseline Y: the difference of mean accuracies in percentage points, X - Y, with a paired
 * t interval (paired) or Welch's interval (unpaired), and an equivalence verdict with margin m
 * ({@code options.equivalenceMarginPp()}, 0.5 pp by default).
 *
 * <p>Decision rule (Schuirmann's TOST at alpha = 1 - level, then superiority/inferiority by more than the
 * margin, which mirrors the cost verdict's noise band; the states are exclusive because the TOST interval lies
 * inside the level interval):
 * <ul>
 *   <li>{@link AccuracyVerdict#EQUIVALENT}: the (1 - 2 alpha) interval (90 % by default) lies inside (-m, +m),
 *       which is TOST rejecting both one-sided hypotheses |difference| &gt;= m at alpha;</li>
 *   <li>{@link AccuracyVerdict#BETTER}: the level interval (95 %) lies wholly above +m;</li>
 *   <li>{@link AccuracyVerdict#WORSE}: the level interval lies wholly below -m;</li>
 *   <li>{@link AccuracyVerdict#UNCLEAR}: otherwise, and whenever there is no interval.</li>
 * </ul>
 *
 * @param pairing paired seeds or independent arms
 * @param nX values of X
 * @param nY values of Y
 * @param differencePp mean(X) - mean(Y), in percentage points
 * @param interval the difference's interval at {@code options.level()}, or null (see {@code intervalMissing})
 * @param tostInterval the (2 level - 1) interval TOST uses, or null
 * @param intervalMissing why the intervals are null (below 3 values per arm), else null
 * @param pValue two-sided p-value of H0: no difference, or null with the intervals
 * @param verdict see above
 * @param options the settings used
 */
public record AccuracyComparison(Pairing pairing, int nX, int nY, double differencePp, Interval interval,
        Interval tostInterval, String intervalMissing, Double pValue, AccuracyVerdict verdict,
        ComparisonOptions options) {

    /**
     * Compares accuracies given in percent (0 to 100; multiply fractions by 100 first), so the difference is in
     * percentage points. At least 1 value per arm; equal lengths when paired.
     */
    public static AccuracyComparison ofPercent(double[] xPercent, double[] yPercent, Pairing pairing,
            ComparisonOptions options) {
        Checks.finite("x", xPercent, 1);
        Checks.finite("y", yPercent, 1);
        if (pairing == Pairing.PAIRED) {
            Checks.paired(xPercent, yPercent);
        }
        double diff = Moments.mean(xPercent) - Moments.mean(yPercent);
        int min = Math.min(xPercent.length, yPercent.length);
        if (min < Summary.MIN_N_FOR_INTERVAL) {
            return new AccuracyComparison(pairing, xPercent.length, yPercent.length, diff, null, null,
                    "n = " + min + " < " + Summary.MIN_N_FOR_INTERVAL + ": too few values for an interval", null,
                    AccuracyVerdict.UNCLEAR, options);
        }
        double level = options.level();
        MeanDifference main = MeanDifference.of(xPercent, yPercent, pairing, level);
        MeanDifference tost = MeanDifference.of(xPercent, yPercent, pairing, 2 * level - 1);
        return new AccuracyComparison(pairing, xPercent.length, yPercent.length, main.estimate(), main.interval(),
                tost.interval(), null, main.pValue(),
                verdict(main.interval(), tost.interval(), options.equivalenceMarginPp()), options);
    }

    static AccuracyVerdict verdict(Interval main, Interval tost, double margin) {
        if (tost.above(-margin) && tost.below(margin)) {
            return AccuracyVerdict.EQUIVALENT;
        }
        if (main.above(margin)) {
            return AccuracyVerdict.BETTER;
        }
        return main.below(-margin) ? AccuracyVerdict.WORSE : AccuracyVerdict.UNCLEAR;
    }
}
