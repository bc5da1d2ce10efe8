package io.joulebench.energy;

/** How an energy figure was obtained. */
public enum Method {
    /** Difference of a cumulative hardware energy counter at the window's edges. */
    COUNTER_DELTA,
    /** Trapezoid integral of sampled power. */
    INTEGRATED_POWER,
    /** An estimate from a model (load x TDP, memory size); never a measurement. */
    MODELLED,
    /** No figure. */
    UNAVAILABLE;

    /** The method a sensor implies. */
    public static Method of(Sensor sensor) {
        if (sensor.modelled()) {
            return MODELLED;
        }
        return sensor instanceof EnergyCounter ? COUNTER_DELTA : INTEGRATED_POWER;
    }
}
