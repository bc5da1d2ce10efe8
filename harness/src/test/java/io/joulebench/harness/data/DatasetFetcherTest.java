package io.joulebench.harness.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fetching against a loopback HTTP server with a test catalog: download, resume, corruption, tar safety. */
@Timeout(30) // a hang here is a bug (a stalled read that never times out), not a slow test
class DatasetFetcherTest {

    @TempDir
    Path tmp;

    private LoopbackServer server;
    private Path dataDir;

    private final byte[] images = randomBytes(300_000, 1);
    private final byte[] labels = randomBytes(5_000, 2);

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        server.put("images.gz", images);
        server.put("labels.gz", labels);
        dataDir = tmp.resolve("data");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private ArchiveFile archive(String name, byte[] content, URI... bases) {
        return new ArchiveFile(name, content.length, Sha256.of(content),
                bases.length == 0 ? List.of(server.base()) : List.of(bases));
    }

    private DatasetFetcher fetcher(DatasetEntry... entries) {
        Downloader downloader = new Downloader(Downloader.defaultClient(Duration.ofSeconds(5)), Duration.ofSeconds(5),
                Duration.ofMillis(500), 3, Duration.ZERO);
        return new DatasetFetcher(new DatasetCatalog(List.of(entries)), downloader);
    }

    private DatasetEntry idx() {
        return new DatasetEntry("fake-idx", "test", List.of(archive("images.gz", images), archive("labels.gz", labels)),
                new Unpack.Keep(), "computed by the test");
    }

    private DatasetEntry tarEntry(byte[] tarGz) {
        server.put("fake-binary.tar.gz", tarGz);
        return new DatasetEntry("fake-cifar", "test", List.of(archive("fake-binary.tar.gz", tarGz)),
                new Unpack.ExtractTarGz("fake-batches-bin", List.of("data_batch_1.bin", "test_batch.bin")),
                "computed by the test");
    }

    private static TarBuilder goodTar() {
        return new TarBuilder().dir("fake-batches-bin/")
                .file("fake-batches-bin/data_batch_1.bin", "train")
                .file("fake-batches-bin/test_batch.bin", "test")
                .file("fake-batches-bin/batches.meta.txt", "airplane\n");
    }

    private List<String> listAll(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(p -> names.add(root.relativize(p).toString()));
        }
        return names;
    }

    // ---- plain archives ------------------------------------------------------------------------------------------

    @Test
    void downloadsVerifiesAndSkipsOnRerun() throws Exception {
        DatasetFetcher f = fetcher(idx());
        List<long[]> progress = new ArrayList<>();
        FetchResult r = f.fetch("fake-idx", FetchOptions.into(dataDir)
                .withProgress((name, done, total) -> progress.add(new long[] {done, total})));

        Path dir = dataDir.resolve("fake-idx");
        assertEquals(dir, r.directory());
        assertArrayEquals(images, Files.readAllBytes(dir.resolve("images.gz")));
        assertArrayEquals(labels, Files.readAllBytes(dir.resolve("labels.gz")));
        assertTrue(r.files().stream().allMatch(o -> o.status() == FetchResult.Status.DOWNLOADED));
        assertFalse(Files.exists(dir.resolve("images.gz.part")));
        assertTrue(progress.stream().anyMatch(p -> p[0] == images.length && p[1] == images.length));

        int requests = server.requests.size();
        FetchResult again = f.fetch("fake-idx", FetchOptions.into(dataDir));
        assertTrue(again.files().stream().allMatch(o -> o.status() == FetchResult.Status.ALREADY_PRESENT));
        assertEquals(requests, server.requests.size(), "a verified file must not be downloaded again");
    }

    @Test
    void resumesAfterTheConnectionDropsHalfway() throws Exception {
        server.dropHalfway.set(1);
        FetchResult r = fetcher(idx()).fetch("fake-idx", FetchOptions.into(dataDir));

        assertArrayEquals(images, Files.readAllBytes(dataDir.resolve("fake-idx/images.gz")));
        assertEquals(FetchResult.Status.DOWNLOADED, r.files().get(0).status());
        List<LoopbackServer.Request> forImages = server.requests.stream()
                .filter(q -> q.path().endsWith("images.gz")).toList();
        assertEquals(2, forImages.size(), forImages.toString());
        assertEquals("", forImages.get(0).range());
        assertTrue(forImages.get(1).range().matches("bytes=[1-9][0-9]*-"), forImages.get(1).range());
    }

    @Test
    void resumesAfterTheBodyStalls() throws Exception {
        server.stallHalfway.set(1);
        fetcher(idx()).fetch("fake-idx", FetchOptions.into(dataDir));

        assertArrayEquals(images, Files.readAllBytes(dataDir.resolve("fake-idx/images.gz")));
        List<LoopbackServer.Request> forImages = server.requests.stream()
                .filter(q -> q.path().endsWith("images.gz")).toList();
        assertEquals(2, forImages.size(), forImages.toString());
        assertTrue(forImages.get(1).range().matches("bytes=[1-9][0-9]*-"), forImages.get(1).range());
    }

    @Test
    void resumesAPartFileLeftByAnEarlierRun() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("fake-idx"));
        Files.write(dir.resolve("images.gz.part"), java.util.Arrays.copyOf(images, 1000));

        fetcher(idx()).fetch("fake-idx", FetchOptions.into(dataDir));

        assertArrayEquals(images, Files.readAllBytes(dir.resolve("images.gz")));
        assertTrue(server.requests.contains(new LoopbackServer.Request("/files/images.gz", "bytes=1000-")));
        assertFalse(Files.exists(dir.resolve("images.gz.part")));
    }

    @Test
    void restartsCleanlyWhenTheServerIgnoresRange() throws Exception {
        server.honourRange = false;
        Path dir = Files.createDirectories(dataDir.resolve("fake-idx"));
        // A stale prefix that is NOT the start of the file: appending the 200 body to it would corrupt it.
        Files.write(dir.resolve("images.gz.part"), new byte[1000]);

        fetcher(idx()).fetch("fake-idx", FetchOptions.into(dataDir));

        assertArrayEquals(images, Files.readAllBytes(dir.resolve("images.gz")));
        assertTrue(server.requests.contains(new LoopbackServer.Request("/files/images.gz", "bytes=1000-")));
    }

    @Test
    void refusesACorruptedDownloadAndKeepsNothing() throws Exception {
        byte[] wrong = images.clone();
        wrong[12345] ^= 0x5a;
        server.put("images.gz", wrong);

        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> fetcher(idx()).fetch("fake-idx", FetchOptions.into(dataDir)));

        String m = e.getMessage();
        assertTrue(m.contains("images.gz"), m);
        assertTrue(m.contains(Sha256.of(images)), m);
        assertTrue(m.contains(Sha256.of(wrong)), m);
        assertTrue(m.contains("run the command again") && m.contains("mirror"), m);
        assertFalse(m.contains("\n"), "one line");
        Path dir = dataDir.resolve("fake-idx");
        assertFalse(Files.exists(dir.resolve("images.gz")));
        assertFalse(Files.exists(dir.resolve("images.gz.part")));
    }

    @Test
    void http404NamesTheUrlAndTheFix() {
        DatasetEntry entry = new DatasetEntry("fake-idx", "test",
                List.of(archive("missing.gz", images)), new Unpack.Keep(), "test");

        DownloadException e = assertThrows(DownloadException.class,
                () -> fetcher(entry).fetch("fake-idx", FetchOptions.into(dataDir)));

        String m = e.getMessage();
        assertTrue(m.contains("missing.gz") && m.contains("HTTP 404") && m.contains(server.base().toString()), m);
        assertTrue(m.contains("--mirror") || m.contains("--from"), m);
        assertEquals(1, server.requests.size(), "a 404 is not retried");
        assertFalse(Files.exists(dataDir.resolve("fake-idx/missing.gz")));
    }

    @Test
    void triesTheNextUrlWhenTheFirstFails() throws Exception {
        URI dead = URI.create(server.base().resolve("/gone/").toString());
        DatasetEntry entry = new DatasetEntry("fake-idx", "test",
                List.of(archive("labels.gz", labels, dead, server.base())), new Unpack.Keep(), "test");

        fetcher(entry).fetch("fake-idx", FetchOptions.into(dataDir));

        assertArrayEquals(labels, Files.readAllBytes(dataDir.resolve("fake-idx/labels.gz")));
        assertEquals("/gone/labels.gz", server.requests.get(0).path());
    }

    @Test
    void mirrorReplacesTheOfficialBase() throws Exception {
        URI unreachable = URI.create("http://127.0.0.1:9/official/");
        DatasetEntry entry = new DatasetEntry("fake-idx", "test",
                List.of(archive("labels.gz", labels, unreachable)), new Unpack.Keep(), "test");
        URI mirror = URI.create(server.base().toString().replaceAll("/$", "")); // no trailing slash on purpose

        fetcher(entry).fetch("fake-idx", FetchOptions.into(dataDir).withMirror(mirror));

        assertArrayEquals(labels, Files.readAllBytes(dataDir.resolve("fake-idx/labels.gz")));
        assertEquals("/files/labels.gz", server.requests.get(0).path());
    }

    @Test
    void fromDirCopiesAndVerifies() throws Exception {
        Path hand = Files.createDirectories(tmp.resolve("by-hand"));
        Files.write(hand.resolve("images.gz"), images);
        Files.write(hand.resolve("labels.gz"), labels);

        FetchResult r = fetcher(idx()).fetch("fake-idx", FetchOptions.into(dataDir).withFrom(hand));

        assertTrue(r.files().stream().allMatch(o -> o.status() == FetchResult.Status.COPIED));
        assertArrayEquals(images, Files.readAllBytes(dataDir.resolve("fake-idx/images.gz")));
        assertTrue(server.requests.isEmpty(), "--from must not touch the network");
    }

    @Test
    void fromDirRefusesAWrongFile() throws Exception {
        Path hand = Files.createDirectories(tmp.resolve("by-hand"));
        Files.write(hand.resolve("images.gz"), labels);

        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> fetcher(idx()).fetch("fake-idx", FetchOptions.into(dataDir).withFrom(hand)));
        assertTrue(e.getMessage().contains(hand.resolve("images.gz").toString()), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve("fake-idx/images.gz")));
        assertFalse(Files.exists(dataDir.resolve("fake-idx/images.gz.part")));
    }

    @Test
    void fromDirNamesAMissingFile() throws Exception {
        Path hand = Files.createDirectories(tmp.resolve("by-hand"));
        DownloadException e = assertThrows(DownloadException.class,
                () -> fetcher(idx()).fetch("fake-idx", FetchOptions.into(dataDir).withFrom(hand)));
        assertTrue(e.getMessage().contains(hand.resolve("images.gz") + " not found"), e.getMessage());
    }

    @Test
    void aForeignFileAtTheFinalPathIsReportedAndForceReplacesIt() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("fake-idx"));
        Files.writeString(dir.resolve("images.gz"), "not the dataset");
        DatasetFetcher f = fetcher(idx());

        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> f.fetch("fake-idx", FetchOptions.into(dataDir)));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("not the dataset", Files.readString(dir.resolve("images.gz")));

        f.fetch("fake-idx", FetchOptions.into(dataDir).withForce(true));
        assertArrayEquals(images, Files.readAllBytes(dir.resolve("images.gz")));
    }

    @Test
    void unknownDatasetListsTheKnownOnes() {
        UnknownDatasetException e = assertThrows(UnknownDatasetException.class,
                () -> fetcher(idx()).fetch("imagenet", FetchOptions.into(dataDir)));
        assertTrue(e.getMessage().contains("imagenet") && e.getMessage().contains("fake-idx"), e.getMessage());
    }

    // ---- tar archives --------------------------------------------------------------------------------------------

    @Test
    void extractsAGoodArchiveToTheExpectedLayout() throws Exception {
        byte[] tarGz = goodTar().tarGz();
        DatasetFetcher f = fetcher(tarEntry(tarGz));

        FetchResult r = f.fetch("fake-cifar", FetchOptions.into(dataDir));

        Path dir = dataDir.resolve("fake-cifar");
        Path batches = dir.resolve("fake-batches-bin");
        assertEquals(batches, r.files().get(0).path());
        assertEquals("train", Files.readString(batches.resolve("data_batch_1.bin")));
        assertEquals("test", Files.readString(batches.resolve("test_batch.bin")));
        assertEquals("airplane\n", Files.readString(batches.resolve("batches.meta.txt")));
        assertTrue(Files.readString(batches.resolve(DatasetFetcher.EXTRACTED_MARKER)).startsWith(Sha256.of(tarGz)));
        assertFalse(Files.exists(dir.resolve("fake-binary.tar.gz")), "the archive is deleted once extracted");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("fake-batches-bin"), s.map(p -> p.getFileName().toString()).toList());
        }

        int requests = server.requests.size();
        FetchResult again = f.fetch("fake-cifar", FetchOptions.into(dataDir));
        assertEquals(FetchResult.Status.ALREADY_PRESENT, again.files().get(0).status());
        assertEquals(requests, server.requests.size());
    }

    @Test
    void forceReplacesAnExtractedFolder() throws Exception {
        DatasetFetcher f = fetcher(tarEntry(goodTar().tarGz()));
        f.fetch("fake-cifar", FetchOptions.into(dataDir));
        Path batches = dataDir.resolve("fake-cifar/fake-batches-bin");
        Files.writeString(batches.resolve("stray.txt"), "x");

        f.fetch("fake-cifar", FetchOptions.into(dataDir).withForce(true));

        assertFalse(Files.exists(batches.resolve("stray.txt")));
        assertEquals("train", Files.readString(batches.resolve("data_batch_1.bin")));
    }

    @Test
    void refusesPathTraversal() throws Exception {
        assertRefused(goodTar().file("../evil", "pwned"), "../evil", "escapes");
        assertFalse(Files.exists(dataDir.resolve("evil")));
        assertFalse(Files.exists(tmp.resolve("evil")));
    }

    @Test
    void refusesADeepPathTraversal() throws Exception {
        assertRefused(goodTar().file("fake-batches-bin/../../../evil", "pwned"), "fake-batches-bin/../../../evil",
                "escapes");
        assertFalse(Files.exists(tmp.resolve("evil")));
    }

    @Test
    void refusesAnAbsolutePath() throws Exception {
        Path outside = tmp.resolve("abs-evil");
        assertRefused(goodTar().file(outside.toString(), "pwned"), outside.toString(), "absolute");
        assertFalse(Files.exists(outside));
    }

    @Test
    void refusesASymlink() throws Exception {
        assertRefused(goodTar().symlink("fake-batches-bin/link", "/etc/passwd"), "fake-batches-bin/link",
                "symbolic link");
    }

    @Test
    void refusesAHardLink() throws Exception {
        assertRefused(goodTar().hardlink("fake-batches-bin/hard", "/etc/passwd"), "fake-batches-bin/hard",
                "hard link");
    }

    @Test
    void refusesAnArchiveWithoutTheExpectedFiles() throws Exception {
        TarBuilder incomplete = new TarBuilder().file("fake-batches-bin/data_batch_1.bin", "train");
        assertRefused(incomplete, null, "lacks fake-batches-bin/test_batch.bin");
    }

    private void assertRefused(TarBuilder tar, String entry, String reason) throws Exception {
        byte[] tarGz = tar.tarGz();
        DatasetFetcher f = fetcher(tarEntry(tarGz));

        ArchiveException e = assertThrows(ArchiveException.class,
                () -> f.fetch("fake-cifar", FetchOptions.into(dataDir)));

        String m = e.getMessage();
        assertTrue(m.startsWith("fake-binary.tar.gz"), m);
        assertTrue(m.contains(reason), m);
        if (entry != null) {
            assertEquals(entry, e.entry().orElseThrow());
            assertTrue(m.contains("'" + entry + "'"), m);
        }
        Path dir = dataDir.resolve("fake-cifar");
        assertFalse(Files.exists(dir.resolve("fake-batches-bin")), "nothing in the final folder");
        // Only the verified archive remains (so a rerun need not download it); no temporary folder is left.
        assertEquals(List.of("", "fake-binary.tar.gz"), listAll(dir).stream().sorted().toList());
        try (Stream<Path> s = Files.walk(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("evil")
                    && !p.getFileName().toString().endsWith(".gz")), "nothing written outside");
        }
    }

    @Test
    void extractorReadsGnuLongNamesAndPaxPaths() throws Exception {
        String longName = "fake-batches-bin/" + "d".repeat(120) + "/data.bin";
        Path archive = new TarBuilder().gnuLongNameFile(longName, "long")
                .paxPathFile("fake-batches-bin/pax-named.bin", "pax")
                .writeTo(tmp.resolve("names.tar.gz"));
        Path out = Files.createDirectories(tmp.resolve("out"));

        TarExtractor.extractTarGz(archive, out);

        assertEquals("long", Files.readString(out.resolve(longName)));
        assertEquals("pax", Files.readString(out.resolve("fake-batches-bin/pax-named.bin")));
        assertFalse(Files.exists(out.resolve("placeholder")));
    }

    @Test
    void extractorRefusesATraversalHiddenInALongName() throws Exception {
        Path archive = new TarBuilder().gnuLongNameFile("../" + "x".repeat(120), "evil")
                .writeTo(tmp.resolve("long-evil.tar.gz"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        ArchiveException e = assertThrows(ArchiveException.class, () -> TarExtractor.extractTarGz(archive, out));
        assertTrue(e.getMessage().contains("escapes"), e.getMessage());
    }

    @Test
    void extractorReportsACorruptArchive() throws Exception {
        Path notGzip = Files.writeString(tmp.resolve("bad.tar.gz"), "hello", StandardCharsets.UTF_8);
        Path out = Files.createDirectories(tmp.resolve("out"));
        ArchiveException e = assertThrows(ArchiveException.class, () -> TarExtractor.extractTarGz(notGzip, out));
        assertTrue(e.getMessage().startsWith("bad.tar.gz: not a valid gzip file"), e.getMessage());

        byte[] good = goodTar().tarGz();
        Path truncated = tmp.resolve("short.tar.gz");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        ArchiveException t = assertThrows(ArchiveException.class, () -> TarExtractor.extractTarGz(truncated, out));
        assertTrue(t.getMessage().startsWith("short.tar.gz: "), t.getMessage());
    }
}
