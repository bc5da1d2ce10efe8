package io.joulebench.harness.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Several arms against one baseline, one metric: each comparison's p-value (the t-test that
 * {@link RatioComparison#pValue()} and {@link AccuracyComparison#pValue()} describe) is Holm-adjusted across the
 * family, and each comparison is recomputed at its Holm step-down level (see {@link HolmAdjustment}), so its
 * intervals and verdict are Holm-adjusted. Arms without a p-value (fewer than 3 values) are not part of the family:
 * they are returned as computed at the family level, with a null adjusted p-value.
 */
public final class BaselineFamily {
    private BaselineFamily() {
    }

    /**
     * One member of a family.
     *
     * @param comparison the comparison at {@code level}
     * @param adjustedPValue Holm-adjusted p-value, or null outside the family
     * @param level the confidence level of the comparison's intervals: Holm step-down level, or the family level
     *     for an arm outside the family
     * @param familySize k, the number of comparisons Holm adjusted for
     */
    public record Member<T>(T comparison, Double adjustedPValue, double level, int familySize) {
        /** States the adjustment for a report line, e.g. "Holm-adjusted 98.3 % interval (family of 3)". */
        public String levelNote() {
            return adjustedPValue == null ? String.format(java.util.Locale.ROOT, "%.1f %% interval, not adjusted "
                    + "(outside the Holm family)", 100 * level)
                    : String.format(java.util.Locale.ROOT, "Holm-adjusted %.1f %% interval (family of %d)",
                            100 * level, familySize);
        }
    }

    /** Ratio comparisons of each arm against {@code baseline}, Holm-adjusted; arms in the caller's order. */
    public static List<Member<RatioComparison>> ratios(double[] baseline, List<double[]> arms, Pairing pairing,
            ComparisonOptions options) {
        return adjust(arms, options, (x, o) -> RatioComparison.of(x, baseline, pairing, o),
                x -> pValue(x, baseline, pairing, options));
    }

    /** Accuracy comparisons (values in percent) of each arm against {@code baseline}, Holm-adjusted. */
    public static List<Member<AccuracyComparison>> accuracy(double[] baselinePercent, List<double[]> armsPercent,
            Pairing pairing, ComparisonOptions options) {
        return adjust(armsPercent, options, (x, o) -> AccuracyComparison.ofPercent(x, baselinePercent, pairing, o),
                x -> pValue(x, baselinePercent, pairing, options));
    }

    /** The p-value both comparisons report, computed without the bootstrap so each arm is resampled once. */
    private static Double pValue(double[] x, double[] y, Pairing pairing, ComparisonOptions options) {
        Checks.finite("x", x, 1);
        Checks.finite("y", y, 1);
        if (pairing == Pairing.PAIRED) {
            Checks.paired(x, y);
        }
        return Math.min(x.length, y.length) < Summary.MIN_N_FOR_INTERVAL ? null
                : MeanDifference.of(x, y, pairing, options.level()).pValue();
    }

    private static <T> List<Member<T>> adjust(List<double[]> arms, ComparisonOptions options,
            BiFunction<double[], ComparisonOptions, T> compare, Function<double[], Double> pValueOf) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("no arms to compare against the baseline");
        }
        List<Integer> inFamily = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            Double p = pValueOf.apply(arms.get(a));
            if (p != null) {
                inFamily.add(a);
                ps.add(p);
            }
        }
        double[] levels = new double[arms.size()];
        Double[] adjusted = new Double[arms.size()];
        java.util.Arrays.fill(levels, options.level());
        if (!ps.isEmpty()) {
            HolmAdjustment holm = HolmAdjustment.of(ps.stream().mapToDouble(Double::doubleValue).toArray(),
                    options.level());
            for (int f = 0; f < ps.size(); f++) {
                levels[inFamily.get(f)] = holm.levels().get(f);
                adjusted[inFamily.get(f)] = holm.adjustedPValues().get(f);
            }
        }
        List<Member<T>> out = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            T c = compare.apply(arms.get(a), levels[a] == options.level() ? options : options.withLevel(levels[a]));
            out.add(new Member<>(c, adjusted[a], levels[a], ps.size()));
        }
        return out;
    }
}
