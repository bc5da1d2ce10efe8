package io.joulebench.harness.stats;

/**
 * A two-sided interval at a confidence level (0.95 for a 95 % interval).
 *
 * @param lower lower bound, finite
 * @param upper upper bound, finite, at least {@code lower}
 * @param level confidence level in (0, 1)
 */
public record Interval(double lower, double upper, double level) {
    public Interval {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
            throw new IllegalArgumentException("not an interval: [" + lower + ", " + upper + "]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
    }

    public double width() {
        return upper - lower;
    }

    /** True when the whole interval lies strictly below {@code x}. */
    public boolean below(double x) {
        return upper < x;
    }

    /** True when the whole interval lies strictly above {@code x}. */
    public boolean above(double x) {
        return lower > x;
    }

    /**
     * This interval times a positive constant: CO2e at a fixed carbon intensity is energy times a constant, so its
     * interval is the energy interval scaled (and its ratio interval is the energy ratio's, unchanged).
     */
    public Interval scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite: " + factor);
        }
        return new Interval(lower * factor, upper * factor, level);
    }

    /** This interval's bounds mapped through {@code a + b * bound} (b > 0), e.g. a ratio to a percentage change. */
    Interval affine(double a, double b) {
        return new Interval(a + b * lower, a + b * upper, level);
    }
}
