package io.joulebench.energy;

/**
 * An instantaneous power sensor (NVML power usage, a model). Its {@link #read()} returns {@link Reading.Power}
 * or {@link Reading.Missing}; energy is the trapezoid integral over the sampler's readings.
 */
public non-sealed interface PowerSensor extends Sensor {
}
