package io.joulebench.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @Test
    void embeddedSubsetIsRealFashionMnistWithTheSpecSplit() {
        Dataset ds = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null, 42);
        assertEquals(9000, ds.train().size());
        assertEquals(1000, ds.validation().size());
        assertEquals(2000, ds.test().size());
        assertEquals(784, ds.train().shape().size());
        assertEquals(4, ds.fileSha256().size());
        // Pinned: the subset must not change silently (docs and results refer to it by hash).
        assertEquals("42955dc41ab0ca1172c35e6fc65708127722eff3e062ff2cce729a08b277f2ca",
                ds.fileSha256().get("train-images-idx3-ubyte.gz"));
        // Every class is present in every split.
        for (DataSplit s : List.of(ds.train(), ds.validation(), ds.test())) {
            assertEquals(10, java.util.Arrays.stream(s.labels()).distinct().count());
        }
        // Normalised with Fashion-MNIST's statistics: the training mean is near 0.
        double mean = 0;
        for (float v : ds.train().features()) {
            mean += v;
        }
        mean /= ds.train().features().length;
        assertEquals(0, mean, 0.1);
    }

    @Test
    void mnistSplitsIntoFirst50000AndLast10000() {
        RawImages all = IdxReaderTest.sample(60_000);
        RawImages test = IdxReaderTest.sample(10);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("train-images-idx3-ubyte.gz", IdxWriter.images(all));
        files.put("train-labels-idx1-ubyte.gz", IdxWriter.labels(all.labels()));
        files.put("t10k-images-idx3-ubyte.gz", IdxWriter.images(test));
        files.put("t10k-labels-idx1-ubyte.gz", IdxWriter.labels(test.labels()));
        Dataset ds = Datasets.fromIdx(Datasets.info(Datasets.MNIST), files, "memory", 42);
        assertEquals(50_000, ds.train().size());
        assertEquals(10_000, ds.validation().size());
        assertEquals(null, ds.splitSeed());
        // Validation starts at image 50 000, whose label is 50 000 % 10.
        assertEquals(0, ds.validation().labels()[0]);
        assertEquals(1, ds.validation().labels()[1]);
    }

    @Test
    void loadsFromADataDirAndRecordsHashes(@TempDir Path dir) throws IOException {
        // The embedded files are real Fashion-MNIST bytes; as a folder they must load like any data dir.
        Path fm = dir.resolve("fashion-mnist-subset");
        Files.createDirectories(fm);
        SubsetMaker.write(realOrEmbedded(dir), 600, 100, 10, fm);
        DataLocator locator = new DataLocator(List.of(new DataLocator.Root(dir, "--data-dir")));
        assertEquals(fm, locator.find("fashion-mnist-subset", Datasets.IDX_FILES, "fix"));
    }

    @Test
    void truncatedFileInADataDirGivesAOneLineErrorNamingIt(@TempDir Path dir) throws IOException {
        Path fm = dir.resolve("fashion-mnist");
        SubsetMaker.write(realOrEmbedded(dir), 600, 100, 10, fm);
        byte[] labels = Files.readAllBytes(fm.resolve("train-labels-idx1-ubyte.gz"));
        Files.write(fm.resolve("train-labels-idx1-ubyte.gz"), java.util.Arrays.copyOf(labels, labels.length - 40));
        DataLocator locator = new DataLocator(List.of(new DataLocator.Root(dir, "--data-dir")));
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load(Datasets.FASHION_MNIST, locator, 42));
        assertTrue(e.getMessage().startsWith("train-labels-idx1-ubyte.gz:"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void fullFashionMnistNeedsAll60000(@TempDir Path dir) throws IOException {
        SubsetMaker.write(realOrEmbedded(dir), 600, 100, 10, dir.resolve("fashion-mnist"));
        DataLocator locator = new DataLocator(List.of(new DataLocator.Root(dir, "--data-dir")));
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load(Datasets.FASHION_MNIST, locator, 42));
        assertTrue(e.getMessage().contains("holds 600 images, expected 60000"), e.getMessage());
    }

    @Test
    void missingDatasetListsWhereItLookedAndHowToGetIt(@TempDir Path dir) {
        DataLocator locator = DataLocator.standard(null, Map.of("JOULEBENCH_DATA",
                dir.resolve("env").toString()), dir.resolve("home"));
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.locate("cifar-10", locator));
        String m = e.getMessage();
        assertTrue(m.indexOf("($JOULEBENCH_DATA)") < m.indexOf("(~/.joulebench/data)"), m);
        assertTrue(m.contains("joulebench data fetch cifar-10"), m);
    }

    /** Finding 10: an explicit --data-dir without the dataset fell back silently to data found elsewhere. */
    @Test
    void anExplicitDataDirIsTheOnlyPlaceSearched(@TempDir Path dir) throws Exception {
        SubsetMaker.write(realOrEmbedded(dir), 600, 100, 10, dir.resolve("env").resolve("fashion-mnist"));
        Map<String, String> env = Map.of("JOULEBENCH_DATA", dir.resolve("env").toString());
        assertEquals(dir.resolve("env").resolve("fashion-mnist"),
                Datasets.locate("fashion-mnist", DataLocator.standard(null, env, dir.resolve("home"))));
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.locate("fashion-mnist",
                DataLocator.standard(dir.resolve("mine"), env, dir.resolve("home"))));
        assertTrue(e.getMessage().contains("(--data-dir)"), e.getMessage());
        assertFalse(e.getMessage().contains("JOULEBENCH_DATA"), e.getMessage());
    }

    /** Finding 5: a 3 GiB file where a dataset file should be was read whole (out of heap, stack trace). */
    @Test
    void aHugeFileWhereADatasetFileShouldBeIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path fm = Files.createDirectories(dir.resolve("fashion-mnist"));
        for (String f : Datasets.requiredFiles("fashion-mnist")) {
            Files.write(fm.resolve(f), new byte[0]);
        }
        Path huge = fm.resolve(Datasets.requiredFiles("fashion-mnist").get(0));
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: takes no disk space
        }
        DataLocator locator = new DataLocator(List.of(new DataLocator.Root(dir, "--data-dir")));
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load(Datasets.FASHION_MNIST, locator, 42));
        assertTrue(e.getMessage().contains("3.0 GiB, larger than any file of a supported dataset"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void unknownDatasetNamesTheKnownOnes() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.info("imagenet"));
        assertTrue(e.getMessage().contains("fashion-mnist, fashion-mnist-subset"), e.getMessage());
    }

    @Test
    void fullDebianFashionMnistLoadsWhenInstalled() {
        Path debian = DataLocator.DEBIAN_DATASETS.resolve("fashion-mnist");
        assumeTrue(Files.isRegularFile(debian.resolve("train-images-idx3-ubyte.gz")),
                "Debian's dataset-fashion-mnist is not installed");
        DataLocator locator = new DataLocator(List.of(new DataLocator.Root(DataLocator.DEBIAN_DATASETS, "debian")));
        Dataset ds = Datasets.load(Datasets.FASHION_MNIST, locator, 42);
        assertEquals(54_000, ds.train().size());
        assertEquals(6_000, ds.validation().size());
        assertEquals(10_000, ds.test().size());
    }

    /** A folder holding real Fashion-MNIST IDX files: Debian's when installed, else the embedded subset's. */
    static Path realOrEmbedded(Path tmp) throws IOException {
        Path debian = DataLocator.DEBIAN_DATASETS.resolve("fashion-mnist");
        if (Files.isRegularFile(debian.resolve("train-images-idx3-ubyte.gz"))) {
            return debian;
        }
        Path out = tmp.resolve("embedded-copy");
        Files.createDirectories(out);
        for (String f : Datasets.IDX_FILES) {
            try (var in = Datasets.class.getResourceAsStream(Datasets.SUBSET_RESOURCE + f)) {
                Files.write(out.resolve(f), in.readAllBytes());
            }
        }
        return out;
    }
}
