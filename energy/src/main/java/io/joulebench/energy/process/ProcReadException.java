package io.joulebench.energy.process;

import io.joulebench.energy.EnergyException;

/** /proc could not be read or parsed; the message names the file. */
public class ProcReadException extends EnergyException {
    private static final long serialVersionUID = 1L;

    public ProcReadException(String message) {
        super(message);
    }
}
