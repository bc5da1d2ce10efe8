package io.joulebench.harness.stats;

/** Which bootstrap interval a ratio comparison reports as its primary interval. */
public enum BootstrapMethod {
    /** Type-7 percentiles (1 - level)/2 and (1 + level)/2 of the bootstrap ratios. */
    PERCENTILE,
    /** Efron's bias-corrected and accelerated interval (jackknife acceleration, one jackknife per arm unpaired). */
    BCA
}
