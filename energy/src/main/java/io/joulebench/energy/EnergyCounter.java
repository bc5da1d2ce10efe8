package io.joulebench.energy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A cumulative energy counter (NVML total energy, RAPL energy_uj). Its {@link #read()} returns
 * {@link Reading.Energy} or {@link Reading.Missing}. Energy is the difference of two readings.
 */
public non-sealed interface EnergyCounter extends Sensor {

    /** The value at which the raw counter wraps to zero; empty when it does not wrap in practice. */
    default OptionalLong wrapRangeMicrojoules() {
        return OptionalLong.empty();
    }

    /**
     * The shortest time in which the counter (or any zone behind it) could wrap at a plausible maximum power;
     * the sampler must read more often than half of this. Empty when it never wraps in practice.
     */
    default Optional<Duration> shortestWrapTime() {
        return Optional.empty();
    }

    /**
     * How often the hardware updates the counter, where the sensor's documentation states it (RAPL: about 1 ms);
     * empty when unknown. The meter uses it for the quantisation uncertainty when sampling is too slow to detect
     * the update period from the readings.
     */
    default Optional<Duration> nominalUpdatePeriod() {
        return Optional.empty();
    }

    /** The smallest step of the counter. */
    default long resolutionMicrojoules() {
        return 1;
    }
}
