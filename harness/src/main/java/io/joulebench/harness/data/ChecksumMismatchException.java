package io.joulebench.harness.data;

/** A file's SHA-256 is not the published one; nothing was kept at the final path. */
public final class ChecksumMismatchException extends DataFetchException {

    private final String fileName;
    private final String expectedSha256;
    private final String actualSha256;

    /**
     * @param what  the file as the user should recognise it (a path or URL)
     * @param fix   what to do about it, one sentence
     */
    public ChecksumMismatchException(String fileName, String what, String expectedSha256, String actualSha256,
                                     String fix) {
        super(what + ": SHA-256 mismatch, expected " + expectedSha256 + " but got " + actualSha256 + "; " + fix);
        this.fileName = fileName;
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    public String fileName() {
        return fileName;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public String actualSha256() {
        return actualSha256;
    }
}
