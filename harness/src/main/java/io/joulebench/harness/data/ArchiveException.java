package io.joulebench.harness.data;

import java.util.Optional;

/** A tar archive is unsafe (escaping path, link) or malformed; nothing of it was put in place. */
public final class ArchiveException extends DataFetchException {

    private final String archive;
    private final String entry;

    /** @param entry the offending entry name, or null when the problem is not one entry's */
    public ArchiveException(String archive, String entry, String reason) {
        super(archive + (entry == null ? "" : ": entry '" + entry + "'") + ": " + reason);
        this.archive = archive;
        this.entry = entry;
    }

    public String archive() {
        return archive;
    }

    /** The offending entry, when the problem is one entry's. */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }
}
