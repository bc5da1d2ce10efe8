package io.joulebench.harness.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to fetch a dataset.
 *
 * @param dataDir  the data directory; the dataset goes to {@code dataDir/<id>}
 * @param mirror   a base URL that replaces every official base URL (tests, offline mirrors)
 * @param from     a folder holding archives downloaded by hand: copied and verified, nothing is downloaded
 * @param force    fetch again even when a verified copy is present (it is replaced only once the new one verifies)
 * @param progress download progress
 */
public record FetchOptions(Path dataDir, Optional<URI> mirror, Optional<Path> from, boolean force,
                           ProgressListener progress) {

    public FetchOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        mirror = Objects.requireNonNull(mirror, "mirror").map(ArchiveFile::asBase);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(progress, "progress");
        if (mirror.isPresent() && from.isPresent()) {
            throw new IllegalArgumentException("--mirror and --from exclude each other");
        }
    }

    /** Official hosts, no force, no progress output. */
    public static FetchOptions into(Path dataDir) {
        return new FetchOptions(dataDir, Optional.empty(), Optional.empty(), false, ProgressListener.NONE);
    }

    public FetchOptions withMirror(URI base) {
        return new FetchOptions(dataDir, Optional.of(base), from, force, progress);
    }

    public FetchOptions withFrom(Path dir) {
        return new FetchOptions(dataDir, mirror, Optional.of(dir), force, progress);
    }

    public FetchOptions withForce(boolean f) {
        return new FetchOptions(dataDir, mirror, from, f, progress);
    }

    public FetchOptions withProgress(ProgressListener p) {
        return new FetchOptions(dataDir, mirror, from, force, p);
    }
}
