package io.joulebench.harness.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

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
        return adjust(arms, options, (x, o) -> RatioComparison.of(x, baseline, pairing, o), RatioComparison::pValue);
    }

    /** Accuracy comparisons (values in percent) of each arm against {@code baseline}, Holm-adjusted. */
    public static List<Member<AccuracyComparison>> accuracy(double[] baselinePercent, List<double[]> armsPercent,
            Pairing pairing, ComparisonOptions options) {
        return adjust(armsPercent, options, (x, o) -> AccuracyComparison.ofPercent(x, baselinePercent, pairing, o),
                AccuracyComparison::pValue);
    }

    private static <T> List<Member<T>> adjust(List<double[]> arms, ComparisonOptions options,
            BiFunction<double[], ComparisonOptions, T> compare, java.util.function.Function<T, Double> pValue) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("no arms to compare against the baseline");
        }
        List<T> first = new ArrayList<>();
        List<Integer> inFamily = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            T c = compare.apply(arms.get(a), options);
            first.add(c);
            if (pValue.apply(c) != null) {
                inFamily.add(a);
            }
        }
        List<Member<T>> out = new ArrayList<>();
        for (T c : first) {
            out.add(new Member<>(c, null, options.level(), inFamily.size()));
        }
        if (inFamily.isEmpty()) {
            return out;
        }
        double[] p = new double[inFamily.size()];
        for (int f = 0; f < p.length; f++) {
            p[f] = pValue.apply(first.get(inFamily.get(f)));
        }
        HolmAdjustment holm = HolmAdjustment.of(p, options.level());
        for (int f = 0; f < p.length; f++) {
            int a = inFamily.get(f);
            double level = holm.levels().get(f);
            // A family of one is its own comparison at the family level: no need to redo the bootstrap.
            T c = level == options.level() ? first.get(a) : compare.apply(arms.get(a), options.withLevel(level));
            out.set(a, new Member<>(c, holm.adjustedPValues().get(f), level, p.length));
        }
        return out;
    }
}
