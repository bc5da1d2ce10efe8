package io.joulebench.harness.data;

/** An archive could not be obtained: HTTP error, network failure, missing local copy, unwritable folder. */
public final class DownloadException extends DataFetchException {

    private final String fileName;

    public DownloadException(String fileName, String message) {
        super(message);
        this.fileName = fileName;
    }

    public DownloadException(String fileName, String message, Throwable cause) {
        super(message, cause);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
