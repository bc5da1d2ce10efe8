package io.joulebench.energy;

/** Base of the energy module's checked exceptions. */
public class EnergyException extends Exception {
    private static final long serialVersionUID = 1L;

    public EnergyException(String message) {
        super(message);
    }

    public EnergyException(String message, Throwable cause) {
        super(message, cause);
    }
}
