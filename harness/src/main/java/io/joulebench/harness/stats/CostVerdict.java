package io.joulebench.harness.stats;

/** The three-state verdict on a cost ratio X/Y, as criterion.rs gives it. */
public enum CostVerdict {
    /** The whole interval of the ratio lies below 1 - noise. */
    CHEAPER,
    /** The whole interval lies above 1 + noise. */
    COSTLIER,
    /** Anything else, including no interval at all (the comparison's reason field says why). */
    NO_DETECTABLE_DIFFERENCE
}
