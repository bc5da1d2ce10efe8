package io.joulebench.algorithms.data;

/** A dataset that cannot be found or read; the message names the file, what is wrong and the fix. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
