package io.joulebench.harness.suite;

import io.joulebench.algorithms.InvalidConfigurationException;

/** A suite file that cannot be used: the message names the file, the line, the key and the fix. */
public final class SuiteException extends InvalidConfigurationException {
    public SuiteException(String message) {
        super(message);
    }
}
