package io.joulebench.harness.results;

/** A results file, sidecar or output folder that cannot be read or written; the message names it and the fix. */
public class ResultsIoException extends RuntimeException {
    public ResultsIoException(String message) {
        super(message);
    }

    public ResultsIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
