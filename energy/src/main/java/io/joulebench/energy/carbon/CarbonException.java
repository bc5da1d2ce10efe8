package io.joulebench.energy.carbon;

import io.joulebench.energy.EnergyException;

/** Bad carbon input: unknown region, bad PUE, malformed intensity CSV. */
public class CarbonException extends EnergyException {
    private static final long serialVersionUID = 1L;

    public CarbonException(String message) {
        super(message);
    }

    public CarbonException(String message, Throwable cause) {
        super(message, cause);
    }
}
