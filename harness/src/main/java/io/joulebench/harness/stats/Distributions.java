package io.joulebench.harness.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Student-t and standard normal quantiles and tail probabilities (commons-math3, no random generator). */
public final class Distributions {
    // A null generator: these distributions are only evaluated, never sampled, and the default would seed a
    // Well19937c per instance.
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Distributions() {
    }

    /** The p-quantile of Student's t with {@code df} degrees of freedom (df may be fractional, as Welch's). */
    public static double tQuantile(double p, double df) {
        if (!(df > 0) || Double.isNaN(df)) {
            throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
        }
        if (Double.isInfinite(df)) {
            return normalQuantile(p);
        }
        return new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    /** The two-sided critical value t such that P(|T| <= t) = level. */
    public static double tCritical(double level, double df) {
        return tQuantile(0.5 + Checks.level(level) / 2, df);
    }

    /** Two-sided p-value of a t statistic. */
    public static double tTwoSidedP(double t, double df) {
        if (Double.isInfinite(df)) {
            return 2 * NORMAL.cumulativeProbability(-Math.abs(t));
        }
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }

    public static double normalQuantile(double p) {
        return NORMAL.inverseCumulativeProbability(p);
    }

    public static double normalCdf(double z) {
        return NORMAL.cumulativeProbability(z);
    }
}
