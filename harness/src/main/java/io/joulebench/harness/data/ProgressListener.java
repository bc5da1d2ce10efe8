package io.joulebench.harness.data;

/** Receives download progress, e.g. to draw a progress bar. Called from the downloading thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fileName, bytesDone, bytesTotal) -> { };

    /**
     * @param fileName   the archive being transferred
     * @param bytesDone  bytes on disk so far, including a resumed prefix
     * @param bytesTotal the published size of the archive
     */
    void onProgress(String fileName, long bytesDone, long bytesTotal);
}
