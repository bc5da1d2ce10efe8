package io.joulebench.energy.meter;

import io.joulebench.energy.EnergyException;

/** The meter cannot run as configured (e.g. a sampler interval that could miss a counter wrap). */
public class MeteringException extends EnergyException {
    private static final long serialVersionUID = 1L;

    public MeteringException(String message) {
        super(message);
    }
}
