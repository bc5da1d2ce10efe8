package io.joulebench.harness.stats;

/** Whether arm and baseline values come in seed pairs (index i of each shares a seed) or independently. */
public enum Pairing {
    /** x[i] and y[i] share a seed: resample pairs, use the paired covariance and df = n - 1. */
    PAIRED,
    /** Independent samples, possibly of different sizes: resample within arms, Welch-type df. */
    UNPAIRED
}
