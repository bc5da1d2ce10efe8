package io.joulebench.harness.analysis;

import io.joulebench.harness.stats.ComparisonOptions;
import io.joulebench.harness.stats.HolmAdjustment;
import io.joulebench.harness.stats.MeanDifference;
import io.joulebench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Holm across several arms against one baseline, one metric: levels and adjusted p-values per member. Unlike
 * {@link io.joulebench.harness.stats.BaselineFamily} each arm brings its own baseline values, since pairs left out
 * for missing values differ from arm to arm. Members with fewer than 3 values stay at the family level.
 *
 * @param levels         per member, the confidence level to compute at
 * @param adjustedPValue per member, or null outside the family
 * @param size           members in the family
 */
record Holm(double[] levels, Double[] adjustedPValue, int size) {

    static Holm of(List<Inputs> members, ComparisonOptions options) {
        int k = members.size();
        double[] levels = new double[k];
        Double[] adjusted = new Double[k];
        Arrays.fill(levels, options.level());
        if (k < 2) {
            return new Holm(levels, adjusted, 1);
        }
        List<Integer> inFamily = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Inputs in = members.get(i);
            if (in.x() != null && Math.min(in.x().length, in.y().length) >= Summary.MIN_N_FOR_INTERVAL) {
                // The t-test p-value both comparison types report, without the bootstrap.
                ps.add(MeanDifference.of(in.x(), in.y(), in.pairing(), options.level()).pValue());
                inFamily.add(i);
            }
        }
        if (ps.size() < 2) {
            return new Holm(levels, adjusted, 1);
        }
        HolmAdjustment h = HolmAdjustment.of(Inputs.toArray(ps), options.level());
        for (int f = 0; f < ps.size(); f++) {
            levels[inFamily.get(f)] = h.levels().get(f);
            adjusted[inFamily.get(f)] = h.adjustedPValues().get(f);
        }
        return new Holm(levels, adjusted, ps.size());
    }
}
