package io.joulebench.harness.data;

/** Why a dataset could not be fetched; the message is one line naming the thing and the fix. */
public abstract sealed class DataFetchException extends Exception
        permits UnknownDatasetException, DownloadException, ChecksumMismatchException, ArchiveException {

    protected DataFetchException(String message) {
        super(message);
    }

    protected DataFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
