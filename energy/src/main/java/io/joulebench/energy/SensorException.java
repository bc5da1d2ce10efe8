package io.joulebench.energy;

import java.util.Objects;

/** A provider or sensor could not be opened; carries the typed reason and the fix. */
public class SensorException extends EnergyException {
    private static final long serialVersionUID = 1L;
    private final UnavailableReason reason;
    private final String fix;

    public SensorException(UnavailableReason reason, String message, String fix) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.fix = fix == null ? "" : fix;
    }

    public SensorException(UnavailableReason reason, String message, String fix, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.fix = fix == null ? "" : fix;
    }

    /** Creates the exception from an unavailable probe result. */
    public static SensorException of(Availability.Unavailable u) {
        return new SensorException(u.reason(), u.message(), u.fix());
    }

    public UnavailableReason reason() {
        return reason;
    }

    /** How to fix it; may be empty. */
    public String fix() {
        return fix;
    }
}
