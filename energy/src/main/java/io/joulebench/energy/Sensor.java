package io.joulebench.energy;

/**
 * A sensor of one {@link Domain}: either an {@link EnergyCounter} or a {@link PowerSensor}.
 * {@link #read()} never throws for a failed reading: it returns {@link Reading.Missing}.
 */
public sealed interface Sensor extends AutoCloseable permits EnergyCounter, PowerSensor {

    /** The domain this sensor measures. */
    Domain domain();

    /** Id of the provider that opened it ({@code nvml}, {@code rapl}, {@code model}, ...). */
    String providerId();

    /** What exactly is read, e.g. "RAPL package-0 + package-1 (intel-rapl:0, intel-rapl:1)". */
    String description();

    /** True when the values are an estimate from a model, not a measurement. */
    default boolean modelled() {
        return false;
    }

    /**
     * True when the figure already describes a process tree, not the machine (the model run on the tree's own CPU
     * load): attribution then takes it as it is instead of a share of it.
     */
    default boolean processScoped() {
        return false;
    }

    /**
     * The device's power limit where it states one (NVML enforced limit, RAPL constraint max power); the meter
     * rejects readings above {@link Plausibility#ceilingWatts} of it. Empty when unknown.
     */
    default java.util.OptionalDouble powerLimitWatts() {
        return java.util.OptionalDouble.empty();
    }

    /** Takes one reading now. */
    Reading read();

    /** Releases what the sensor holds; idempotent. */
    @Override
    default void close() {
    }
}
