package io.joulebench.harness.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One official archive of a dataset.
 *
 * @param fileName  the name on the server and on disk (no folders)
 * @param sizeBytes the exact size of the published file
 * @param sha256    lower-case hex SHA-256 of the published file
 * @param baseUris  where to get it, tried in order; each ends with '/' and {@code fileName} is appended
 */
public record ArchiveFile(String fileName, long sizeBytes, String sha256, List<URI> baseUris) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ArchiveFile {
        Objects.requireNonNull(fileName, "fileName");
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("archive file name must be a plain name: " + fileName);
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("size of " + fileName + " must be positive: " + sizeBytes);
        }
        sha256 = Objects.requireNonNull(sha256, "sha256").toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("SHA-256 of " + fileName + " must be 64 hex characters: " + sha256);
        }
        baseUris = List.copyOf(baseUris);
        if (baseUris.isEmpty()) {
            throw new IllegalArgumentException("no URL for " + fileName);
        }
        baseUris.forEach(ArchiveFile::requireBase);
    }

    /** Every URL this file can be fetched from, primary first. */
    public List<URI> urls() {
        return baseUris.stream().map(b -> b.resolve(fileName)).toList();
    }

    /** The URL of this file under another base (a mirror, a local test server). */
    public URI urlUnder(URI base) {
        return requireBase(base).resolve(fileName);
    }

    /** Adds the trailing slash a base URL needs so that resolving a file name appends instead of replacing. */
    static URI asBase(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    private static URI requireBase(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("base URL must be http or https: " + base);
        }
        if (!base.toString().endsWith("/")) {
            throw new IllegalArgumentException("base URL must end with '/': " + base);
        }
        return base;
    }
}
