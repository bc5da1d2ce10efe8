package io.joulebench.harness.data;

import java.nio.file.Path;
import java.util.List;

/**
 * What a fetch left on disk.
 *
 * @param dataset   the catalog entry
 * @param directory {@code dataDir/<id>}: the folder the loaders read
 * @param files     one outcome per archive, in catalog order
 */
public record FetchResult(DatasetEntry dataset, Path directory, List<FileOutcome> files) {

    public FetchResult {
        files = List.copyOf(files);
    }

    /** How one archive was obtained. */
    public enum Status {
        /** Downloaded and verified now. */
        DOWNLOADED,
        /** Copied from {@code --from DIR} and verified now. */
        COPIED,
        /** Already present and verified (or, for an extracted archive, marked as extracted from it). */
        ALREADY_PRESENT
    }

    /**
     * @param file   the catalog's archive (its {@code sha256()} is the provenance of the data)
     * @param path   the verified .gz file, or the folder an archive was extracted to
     * @param status how it was obtained
     */
    public record FileOutcome(ArchiveFile file, Path path, Status status) {
    }
}
