package io.joulebench.algorithms.external;

/** An external trainer's command failed, or reported something unreadable: the message names the command. */
public final class ExternalTrainingException extends RuntimeException {
    public ExternalTrainingException(String message) {
        super(message);
    }
}
