package io.joulebench.harness.data;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches a catalog dataset into {@code dataDir/<id>}: downloads (or copies from {@code --from}) each archive,
 * verifies its SHA-256, and unpacks it as the catalog says. Safe to rerun: verified files are skipped, partial
 * downloads resume, and nothing unverified or half-extracted is ever left at a final path.
 */
public final class DatasetFetcher {

    /** Written into an extracted folder: {@code <sha256>  <archive name>} of the archive it came from. */
    public static final String EXTRACTED_MARKER = ".joulebench-archive.sha256";

    private static final String EXTRACT_PREFIX = ".extract-";

    private final DatasetCatalog catalog;
    private final Downloader downloader;

    public DatasetFetcher(DatasetCatalog catalog, Downloader downloader) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /** The official catalog with the default network settings. */
    public static DatasetFetcher official() {
        return new DatasetFetcher(DatasetCatalog.official(), Downloader.withDefaults());
    }

    public DatasetCatalog catalog() {
        return catalog;
    }

    /** Fetches dataset {@code id}; see the class comment. */
    public FetchResult fetch(String id, FetchOptions options) throws DataFetchException {
        DatasetEntry entry = catalog.require(id);
        Path dir = options.dataDir().resolve(entry.id());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DownloadException(entry.files().get(0).fileName(), "cannot create " + dir + ": "
                    + Downloader.describe(e) + "; choose a writable folder with --data-dir or $"
                    + DataDirectories.ENV, e);
        }
        List<FetchResult.FileOutcome> outcomes = new ArrayList<>();
        if (entry.unpack() instanceof Unpack.ExtractTarGz tar) {
            outcomes.add(fetchExtracted(entry.files().get(0), tar, dir, options));
        } else {
            for (ArchiveFile file : entry.files()) {
                outcomes.add(fetchKept(file, dir, options));
            }
        }
        return new FetchResult(entry, dir, outcomes);
    }

    private FetchResult.FileOutcome fetchKept(ArchiveFile file, Path dir, FetchOptions options)
            throws DataFetchException {
        Path target = dir.resolve(file.fileName());
        if (!options.force() && Files.exists(target)) {
            requireOfficial(file, target);
            return new FetchResult.FileOutcome(file, target, FetchResult.Status.ALREADY_PRESENT);
        }
        return new FetchResult.FileOutcome(file, target, obtain(file, target, options));
    }

    private FetchResult.FileOutcome fetchExtracted(ArchiveFile file, Unpack.ExtractTarGz tar, Path dir,
                                                   FetchOptions options) throws DataFetchException {
        Path finalDir = dir.resolve(tar.folder());
        if (!options.force() && Files.exists(finalDir)) {
            if (isExtractedFrom(finalDir, file, tar)) {
                return new FetchResult.FileOutcome(file, finalDir, FetchResult.Status.ALREADY_PRESENT);
            }
            throw new DownloadException(file.fileName(), finalDir + " exists but was not extracted from the"
                    + " verified " + file.fileName() + "; delete it, or run again with --force to replace it");
        }
        Path archive;
        FetchResult.Status status;
        boolean deleteArchiveAfter;
        if (options.from().isPresent()) {
            // Extract straight from the user's copy: no need to duplicate 170 MB.
            archive = localSource(file, options.from().get());
            String actual = hash(file, archive);
            if (!actual.equals(file.sha256())) {
                throw new ChecksumMismatchException(file.fileName(), archive.toString(), file.sha256(), actual,
                        notOfficialCopy(file, options.from().get()));
            }
            status = FetchResult.Status.COPIED;
            deleteArchiveAfter = false;
        } else {
            archive = dir.resolve(file.fileName());
            if (!options.force() && Files.exists(archive)) {
                requireOfficial(file, archive); // left by a run whose extraction failed
                status = FetchResult.Status.ALREADY_PRESENT;
            } else {
                status = obtain(file, archive, options);
            }
            deleteArchiveAfter = true;
        }
        extractInPlace(file, tar, archive, dir, finalDir);
        if (deleteArchiveAfter) {
            // The extracted folder carries the archive's hash; the 170 MB archive itself is no longer needed.
            Downloader.deleteQuietly(archive);
        }
        return new FetchResult.FileOutcome(file, finalDir, status);
    }

    /** Downloads, or copies from {@code --from}, into {@code target}; verified before it lands there. */
    private FetchResult.Status obtain(ArchiveFile file, Path target, FetchOptions options) throws DataFetchException {
        if (options.from().isPresent()) {
            Path source = localSource(file, options.from().get());
            Path part = Downloader.partFile(target);
            try {
                Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Downloader.deleteQuietly(part);
                throw new DownloadException(file.fileName(), "could not copy " + source + " to " + part + ": "
                        + Downloader.describe(e) + "; check free space and permissions", e);
            }
            Downloader.verify(file, part, source.toString(), notOfficialCopy(file, options.from().get()));
            Downloader.moveIntoPlace(file, part, target);
            return FetchResult.Status.COPIED;
        }
        List<URI> urls = options.mirror().map(m -> List.of(file.urlUnder(m))).orElseGet(file::urls);
        downloader.download(file, urls, target, options.progress());
        return FetchResult.Status.DOWNLOADED;
    }

    private static String notOfficialCopy(ArchiveFile file, Path fromDir) {
        return "the copy in " + fromDir + " is not the official archive (repackaged copies, such as Debian's, differ):"
                + " download " + file.urls().get(0) + " into " + fromDir + ", or fetch without --from";
    }

    private static Path localSource(ArchiveFile file, Path fromDir) throws DownloadException {
        Path source = fromDir.resolve(file.fileName());
        if (!Files.isRegularFile(source)) {
            throw new DownloadException(file.fileName(), source + " not found; download " + file.urls().get(0)
                    + " into " + fromDir + " by hand, or drop --from to download it");
        }
        return source;
    }

    private static void requireOfficial(ArchiveFile file, Path path) throws DataFetchException {
        String actual = hash(file, path);
        if (!actual.equals(file.sha256())) {
            throw new ChecksumMismatchException(file.fileName(), path.toString(), file.sha256(), actual,
                    "it is not the official " + file.fileName() + ": delete it, or run again with --force to"
                            + " download a fresh copy");
        }
    }

    private static String hash(ArchiveFile file, Path path) throws DownloadException {
        try {
            return Sha256.of(path);
        } catch (IOException e) {
            throw new DownloadException(file.fileName(), "could not read " + path + ": " + Downloader.describe(e),
                    e);
        }
    }

    private static boolean isExtractedFrom(Path finalDir, ArchiveFile file, Unpack.ExtractTarGz tar) {
        try {
            String marker = Files.readString(finalDir.resolve(EXTRACTED_MARKER), StandardCharsets.UTF_8).trim();
            if (!marker.equals(markerLine(file).trim())) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return tar.expectedFiles().stream().allMatch(f -> Files.isRegularFile(finalDir.resolve(f)));
    }

    private static String markerLine(ArchiveFile file) {
        return file.sha256() + "  " + file.fileName() + "\n";
    }

    /**
     * Extracts into a temporary sibling folder, checks the expected files, then renames the folder into place;
     * a failure leaves nothing at {@code finalDir} (or leaves an older copy untouched).
     */
    private static void extractInPlace(ArchiveFile file, Unpack.ExtractTarGz tar, Path archive, Path dir,
                                       Path finalDir) throws DataFetchException {
        removeStaleExtractions(dir);
        Path tmp;
        try {
            tmp = Files.createTempDirectory(dir, EXTRACT_PREFIX + tar.folder() + "-");
        } catch (IOException e) {
            throw new DownloadException(file.fileName(), "cannot create a temporary folder in " + dir + ": "
                    + Downloader.describe(e), e);
        }
        try {
            TarExtractor.extractTarGz(archive, tmp);
            Path produced = tmp.resolve(tar.folder());
            if (!Files.isDirectory(produced)) {
                throw new ArchiveException(file.fileName(), null, "does not contain the folder " + tar.folder()
                        + "; it is not the expected archive");
            }
            for (String expected : tar.expectedFiles()) {
                if (!Files.isRegularFile(produced.resolve(expected))) {
                    throw new ArchiveException(file.fileName(), null, "lacks " + tar.folder() + "/" + expected
                            + "; it is not the expected archive");
                }
            }
            Files.writeString(produced.resolve(EXTRACTED_MARKER), markerLine(file), StandardCharsets.UTF_8);
            if (Files.exists(finalDir)) {
                // --force over an earlier copy: move it aside (one rename) and let the cleanup below delete it.
                rename(finalDir, tmp.resolve("previous"));
            }
            rename(produced, finalDir);
        } catch (IOException e) {
            throw new DownloadException(file.fileName(), "could not put " + finalDir + " in place: "
                    + Downloader.describe(e) + "; check free space and permissions", e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Temporary folders of an extraction that was killed half-way (the process died before its cleanup). */
    private static void removeStaleExtractions(Path dir) {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, EXTRACT_PREFIX + "*")) {
            for (Path p : stale) {
                deleteTree(p);
            }
        } catch (IOException ignored) {
            // Leftovers are harmless hidden folders; failing to list them must not stop a fetch.
        }
    }

    /** Deletes a folder tree without following links; best effort. */
    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Best effort: a leftover temporary folder is removed by the next fetch.
        }
    }

    /** The verified archives' SHA-256 values of a dataset, for provenance. */
    public Optional<List<String>> publishedSha256(String id) {
        return catalog.find(id).map(e -> e.files().stream().map(ArchiveFile::sha256).toList());
    }
}
