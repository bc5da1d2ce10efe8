package io.joulebench.energy.meter;

import io.joulebench.energy.SensorOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to meter.
 *
 * @param interval  sampler period (default 100 ms); {@link Duration#ZERO} runs no sampler thread and the caller
 *                  drives {@link MeteringSession#sample()} (tests, external clocks)
 * @param sensors   where the hardware is, and the clock
 * @param providers provider ids to use; null for all
 */
public record MeterOptions(Duration interval, SensorOptions sensors, Set<String> providers) {

    /** Default sampler period. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    /** Shortest period accepted for the background sampler. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(1);

    public MeterOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(sensors, "sensors");
        if (interval.isNegative() || (!interval.isZero() && interval.compareTo(MIN_INTERVAL) < 0)) {
            throw new IllegalArgumentException("sampler interval must be 0 (manual) or >= 1 ms: " + interval);
        }
        providers = providers == null ? null : Set.copyOf(providers);
    }

    /** 100 ms, sensor options from properties/environment, every provider. */
    public static MeterOptions defaults() {
        return new MeterOptions(DEFAULT_INTERVAL, SensorOptions.defaults(), null);
    }

    /** With the given sensor options and defaults otherwise. */
    public static MeterOptions of(SensorOptions sensors) {
        return new MeterOptions(DEFAULT_INTERVAL, sensors, null);
    }

    public MeterOptions withInterval(Duration d) {
        return new MeterOptions(d, sensors, providers);
    }

    public MeterOptions withProviders(Set<String> ids) {
        return new MeterOptions(interval, sensors, ids);
    }

    /** True when no background sampler runs. */
    public boolean manual() {
        return interval.isZero();
    }
}
