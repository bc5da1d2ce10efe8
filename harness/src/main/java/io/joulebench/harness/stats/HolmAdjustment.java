package io.joulebench.harness.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Holm's step-down adjustment (Holm 1979) for a family of k comparisons at family-wise level 1 - alpha.
 *
 * <p>Sort the p-values ascending, p(1) &lt;= ... &lt;= p(k). Adjusted: p~(i) = min(1, max over j &lt;= i of
 * (k - j + 1) p(j)). Confidence levels (step-down): the comparison of rank i gets 1 - alpha/(k - i + 1) while every
 * smaller rank was rejected (p(j) &lt;= alpha/(k - j + 1)); from the first rank r that is not rejected on, every
 * comparison keeps r's level 1 - alpha/(k - r + 1), since the procedure stops there. These are "Holm-adjusted"
 * levels as commonly reported; intervals with a strict simultaneous guarantee need the Bonferroni level
 * 1 - alpha/k, given as {@code bonferroniLevel}.
 *
 * @param familyLevel 1 - alpha
 * @param pValues the raw p-values, in the caller's order
 * @param adjustedPValues Holm-adjusted p-values, same order
 * @param levels Holm step-down confidence levels, same order
 * @param bonferroniLevel 1 - alpha/k
 */
public record HolmAdjustment(double familyLevel, List<Double> pValues, List<Double> adjustedPValues,
        List<Double> levels, double bonferroniLevel) {

    public HolmAdjustment {
        pValues = List.copyOf(pValues);
        adjustedPValues = List.copyOf(adjustedPValues);
        levels = List.copyOf(levels);
    }

    /** Adjusts {@code pValues} (each in [0, 1], at least one) for a family-wise level {@code familyLevel}. */
    public static HolmAdjustment of(double[] pValues, double familyLevel) {
        Checks.finite("pValues", pValues, 1);
        Checks.level(familyLevel);
        int k = pValues.length;
        for (int i = 0; i < k; i++) {
            if (pValues[i] < 0 || pValues[i] > 1) {
                throw new IllegalArgumentException("pValues[" + i + "] is not a probability: " + pValues[i]);
            }
        }
        double alpha = 1 - familyLevel;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        // Stable: ties keep the caller's order, so results do not depend on the sort.
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[k];
        double[] levels = new double[k];
        double running = 0;
        boolean stopped = false;
        double stopLevel = 0;
        for (int rank = 0; rank < k; rank++) {
            int i = order[rank];
            int m = k - rank;
            running = Math.max(running, Math.min(1, m * pValues[i]));
            adjusted[i] = running;
            if (!stopped) {
                stopLevel = 1 - alpha / m;
                stopped = pValues[i] > alpha / m;
            }
            levels[i] = stopLevel;
        }
        return new HolmAdjustment(familyLevel, boxed(pValues), boxed(adjusted), boxed(levels), 1 - alpha / k);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }
}
