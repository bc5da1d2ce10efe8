package io.joulebench.algorithms;

/** A configuration value or name that cannot be used; the message names the thing and the fix. */
public class InvalidConfigurationException extends IllegalArgumentException {
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
