package io.joulebench.harness;

import java.time.Duration;

/**
 * Every default of a trial or suite, in one place. The text forms feed picocli's option defaults (annotations need
 * constants); tests pin that each agrees with the value the lower modules use.
 */
public final class Defaults {
    /** Idle-baseline window before the first trial. */
    public static final String IDLE = "5s";
    public static final Duration IDLE_DURATION = Duration.ofSeconds(5);
    /** Re-measure the idle baseline when it is older than this (long suites see drift). */
    public static final Duration IDLE_MAX_AGE = Duration.ofMinutes(10);
    /** Energy sampler period; the same as the meter's own default. */
    public static final String INTERVAL = "100ms";
    /** Seed of the train/validation split; the same as the data module's own default. */
    public static final String SPLIT_SEED = "42";
    /** Warm-up trials at the start of a suite (recorded, excluded from statistics). */
    public static final int WARMUP_TRIALS = 1;
    /** Cool-down until idle: back within this share of idle power, or give up after the timeout. */
    public static final double COOLDOWN_TOLERANCE = 0.05;
    public static final Duration COOLDOWN_TIMEOUT = Duration.ofSeconds(60);

    private Defaults() {
    }
}
