package io.joulebench.harness.stats;

import java.util.Arrays;
import java.util.List;

/**
 * One arm's values of one metric, summarised as spec/experiments.md asks.
 *
 * @param n number of values (at least 1)
 * @param mean arithmetic mean
 * @param sd sample standard deviation (divisor n - 1); NaN when n = 1, where it is undefined
 * @param cv coefficient of variation sd / |mean|; NaN when sd is undefined or the mean is 0
 * @param ci95 95 % Student-t interval of the mean (df = n - 1); null below {@link #MIN_N_FOR_INTERVAL} values
 *     ("below 3, no interval is printed"), then {@code ci95Missing} says why
 * @param ci95Missing why {@code ci95} is null, else null
 * @param median the type-7 median
 * @param min smallest value
 * @param max largest value
 * @param values the values, in the caller's order
 * @param outliers Tukey fences and the values outside them (flagged, never dropped)
 */
public record Summary(int n, double mean, double sd, double cv, Interval ci95, String ci95Missing, double median,
        double min, double max, List<Double> values, TukeyFences outliers) {

    /** Fewest values for which an interval is given (spec: "below 3, no interval is printed"). */
    public static final int MIN_N_FOR_INTERVAL = 3;

    public Summary {
        values = List.copyOf(values);
    }

    /** Summarises {@code values} (at least one, all finite); the array is not modified. */
    public static Summary of(double[] values) {
        Checks.finite("values", values, 1);
        int n = values.length;
        double mean = Moments.mean(values);
        double sd = n > 1 ? Math.sqrt(Moments.variance(values, mean)) : Double.NaN;
        double cv = mean != 0 ? sd / Math.abs(mean) : Double.NaN;
        Interval ci = null;
        String missing = null;
        if (n < MIN_N_FOR_INTERVAL) {
            missing = "n = " + n + " < " + MIN_N_FOR_INTERVAL + ": too few values for an interval";
        } else {
            double half = Distributions.tCritical(0.95, n - 1) * sd / Math.sqrt(n);
            ci = new Interval(mean - half, mean + half, 0.95);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Summary(n, mean, sd, cv, ci, missing, Quantiles.type7(sorted, 0.5), sorted[0], sorted[n - 1],
                Arrays.stream(values).boxed().toList(), TukeyFences.of(values, sorted));
    }

    /**
     * Tukey's fences: [Q1 - 1.5 IQR, Q3 + 1.5 IQR] with type-7 quartiles.
     *
     * @param lowerFence Q1 - 1.5 IQR
     * @param upperFence Q3 + 1.5 IQR
     * @param indexes positions (in the caller's order) of the values strictly outside the fences, ascending
     */
    public record TukeyFences(double lowerFence, double upperFence, List<Integer> indexes) {
        public static final double K = 1.5;

        public TukeyFences {
            indexes = List.copyOf(indexes);
        }

        static TukeyFences of(double[] values, double[] sorted) {
            double q1 = Quantiles.type7(sorted, 0.25);
            double q3 = Quantiles.type7(sorted, 0.75);
            double lo = q1 - K * (q3 - q1);
            double hi = q3 + K * (q3 - q1);
            List<Integer> out = new java.util.ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] < lo || values[i] > hi) {
                    out.add(i);
                }
            }
            return new TukeyFences(lo, hi, out);
        }
    }
}
