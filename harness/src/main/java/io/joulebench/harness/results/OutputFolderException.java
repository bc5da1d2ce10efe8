package io.joulebench.harness.results;

/** An output folder or file that cannot be used (missing, a file, read-only, locked by another run). */
public final class OutputFolderException extends ResultsIoException {
    public OutputFolderException(String message) {
        super(message);
    }

    public OutputFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
