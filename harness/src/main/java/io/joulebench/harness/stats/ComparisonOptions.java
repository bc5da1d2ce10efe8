package io.joulebench.harness.stats;

/**
 * The settings of a comparison, with the spec's defaults in {@link #DEFAULTS} (the one place they live).
 *
 * @param level confidence level of the intervals (0.95); above 0.5 so that TOST's 2 level - 1 interval exists
 * @param resamples bootstrap resamples (10 000)
 * @param seed bootstrap generator seed; every comparison starts from it, so adding an arm changes no other result
 * @param method which bootstrap interval is primary (percentile)
 * @param noise cost-verdict threshold as a fraction (0.01 = 1 %)
 * @param equivalenceMarginPp accuracy equivalence margin in percentage points (0.5)
 * @param disagreementTolerance bootstrap/Fieller disagreement tolerance as a fraction of mean width (0.10)
 */
public record ComparisonOptions(double level, int resamples, long seed, BootstrapMethod method, double noise,
        double equivalenceMarginPp, double disagreementTolerance) {

    public static final ComparisonOptions DEFAULTS =
            new ComparisonOptions(0.95, 10_000, 1L, BootstrapMethod.PERCENTILE, 0.01, 0.5, 0.10);

    public ComparisonOptions {
        if (!(level > 0.5 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0.5, 1): " + level);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples, got " + resamples);
        }
        if (method == null) {
            throw new IllegalArgumentException("bootstrap method is null");
        }
        if (!(noise >= 0 && noise < 1)) {
            throw new IllegalArgumentException("noise threshold must be in [0, 1): " + noise);
        }
        if (!(equivalenceMarginPp > 0) || Double.isInfinite(equivalenceMarginPp)) {
            throw new IllegalArgumentException("equivalence margin must be positive: " + equivalenceMarginPp);
        }
        if (!(disagreementTolerance >= 0) || Double.isInfinite(disagreementTolerance)) {
            throw new IllegalArgumentException("disagreement tolerance must be >= 0: " + disagreementTolerance);
        }
    }

    public ComparisonOptions withLevel(double newLevel) {
        return new ComparisonOptions(newLevel, resamples, seed, method, noise, equivalenceMarginPp,
                disagreementTolerance);
    }

    public ComparisonOptions withResamples(int n) {
        return new ComparisonOptions(level, n, seed, method, noise, equivalenceMarginPp, disagreementTolerance);
    }

    public ComparisonOptions withSeed(long s) {
        return new ComparisonOptions(level, resamples, s, method, noise, equivalenceMarginPp, disagreementTolerance);
    }

    public ComparisonOptions withMethod(BootstrapMethod m) {
        return new ComparisonOptions(level, resamples, seed, m, noise, equivalenceMarginPp, disagreementTolerance);
    }

    public ComparisonOptions withNoise(double fraction) {
        return new ComparisonOptions(level, resamples, seed, method, fraction, equivalenceMarginPp,
                disagreementTolerance);
    }

    public ComparisonOptions withEquivalenceMarginPp(double pp) {
        return new ComparisonOptions(level, resamples, seed, method, noise, pp, disagreementTolerance);
    }
}
