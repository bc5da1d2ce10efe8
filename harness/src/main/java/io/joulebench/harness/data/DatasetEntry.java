package io.joulebench.harness.data;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A downloadable dataset: its id (also its folder under the data directory), its archives and how to unpack them.
 *
 * @param id          dataset id, e.g. {@code fashion-mnist}
 * @param description one line for help texts
 * @param files       the official archives
 * @param unpack      what to do with them once verified
 * @param checksumSource where the SHA-256 values come from (for humans and provenance)
 */
public record DatasetEntry(String id, String description, List<ArchiveFile> files, Unpack unpack,
                           String checksumSource) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public DatasetEntry {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("dataset id must be lower-case letters, digits and '-': " + id);
        }
        Objects.requireNonNull(description, "description");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("dataset " + id + " has no archive");
        }
        Objects.requireNonNull(unpack, "unpack");
        if (unpack instanceof Unpack.ExtractTarGz && files.size() != 1) {
            throw new IllegalArgumentException("dataset " + id + ": tar extraction expects exactly one archive");
        }
        Objects.requireNonNull(checksumSource, "checksumSource");
    }
}
