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

    /**
     * How many wraps the counter has unwrapped itself so far (cumulative over its life; 0 when it does not unwrap,
     * or does not wrap). The meter reports the increase within a window.
     */
    default long wrapsCorrected() {
        return 0;
    }

    /**
     * How many readings so far (cumulative) followed an interval whose energy could not be trusted and was
     * therefore not counted (a possible missed wrap or counter reset); the meter makes the domain PARTIAL when this
     * grows between two of its readings. See {@link #lastDiscontinuity()} for the detail.
     */
    default long discontinuities() {
        return 0;
    }

    /** What the latest discontinuity was; null when there was none. */
    default String lastDiscontinuity() {
        return null;
    }

    /** The smallest step of the counter. */
    default long resolutionMicrojoules() {
        return 1;
    }
}
