package io.joulebench.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The loader normalises splits straight from the inflated file bytes (no sliced copies): the splits must be
 * exactly, bit for bit, what slicing and then normalising gave, for IDX and CIFAR files alike.
 */
class LeanLoadingTest {
    private static RawImages randomImages(int n, ImageShape shape, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] px = new byte[n * shape.size()];
        int[] labels = new int[n];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) rng.nextInt(256);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(classes);
        }
        return new RawImages(shape, px, labels);
    }

    private static void assertSame(DataSplit expected, DataSplit actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.labels(), actual.labels(), expected.name());
        assertEquals(expected.features().length, actual.features().length);
        for (int i = 0; i < expected.features().length; i++) {
            if (Float.floatToRawIntBits(expected.features()[i]) != Float.floatToRawIntBits(actual.features()[i])) {
                throw new AssertionError(expected.name() + " differs at " + i);
            }
        }
    }

    @Test
    void idxSplitsAreBitForBitWhatSlicingThenNormalisingGave() {
        ImageShape shape = new ImageShape(1, 28, 28);
        RawImages all = randomImages(1_000, shape, 10, 1);
        RawImages test = randomImages(120, shape, 10, 2);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("train-images-idx3-ubyte.gz", IdxWriter.images(all));
        files.put("train-labels-idx1-ubyte.gz", IdxWriter.labels(all.labels()));
        files.put("t10k-images-idx3-ubyte.gz", IdxWriter.images(test));
        files.put("t10k-labels-idx1-ubyte.gz", IdxWriter.labels(test.labels()));
        DatasetInfo info = Datasets.info(Datasets.FASHION_MNIST_SUBSET);
        Dataset ds = Datasets.fromIdx(info, files, "memory", 7);

        int[][] split = Splits.randomSplit(all.count(), all.count() / 10, 7);
        assertSame(Splits.normalise("train", Splits.slice(all, split[0]), info.mean(), info.std()), ds.train());
        assertSame(Splits.normalise("validation", Splits.slice(all, split[1]), info.mean(), info.std()),
                ds.validation());
        assertSame(Splits.normalise("test", test, info.mean(), info.std()), ds.test());
        assertEquals(7L, ds.splitSeed());
        assertEquals(4, ds.fileSha256().size());
    }

    @Test
    void cifarSplitsAcrossFilesAreBitForBitWhatConcatenatingSlicingAndNormalisingGave() {
        ImageShape shape = CifarReader.SHAPE;
        DatasetInfo info = Datasets.info(Datasets.CIFAR_10);
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<RawImages> parts = new java.util.ArrayList<>();
        for (int f = 1; f <= 5; f++) {
            RawImages part = randomImages(10_000, shape, 10, 10 + f);
            parts.add(part);
            files.put("cifar-10-batches-bin/data_batch_" + f + ".bin", cifar(part, 1));
        }
        RawImages test = randomImages(10_000, shape, 10, 3);
        files.put("cifar-10-batches-bin/test_batch.bin", cifar(test, 1));
        Dataset ds = Datasets.fromCifar(info, files, 1, "memory", 5);

        RawImages all = RawImages.concat(parts);
        int[][] split = Splits.randomSplit(all.count(), 5_000, 5);
        assertSame(Splits.normalise("train", Splits.slice(all, split[0]), info.mean(), info.std()), ds.train());
        assertSame(Splits.normalise("validation", Splits.slice(all, split[1]), info.mean(), info.std()),
                ds.validation());
        assertSame(Splits.normalise("test", test, info.mean(), info.std()), ds.test());
    }

    @Test
    void cifar100UsesTheFineLabel() {
        ImageShape shape = CifarReader.SHAPE;
        RawImages train = randomImages(50_000, shape, 100, 4);
        RawImages test = randomImages(10_000, shape, 100, 5);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cifar-100-binary/train.bin", cifar(train, 2));
        files.put("cifar-100-binary/test.bin", cifar(test, 2));
        DatasetInfo info = Datasets.info(Datasets.CIFAR_100);
        Dataset ds = Datasets.fromCifar(info, files, 2, "memory", 9);
        assertSame(Splits.normalise("test", test, info.mean(), info.std()), ds.test());
        int[][] split = Splits.randomSplit(train.count(), 5_000, 9);
        assertSame(Splits.normalise("validation", Splits.slice(train, split[1]), info.mean(), info.std()),
                ds.validation());
    }

    /** CIFAR records: label byte(s) (for CIFAR-100 a coarse one first) then the 3072 pixels. */
    private static byte[] cifar(RawImages images, int labelBytes) {
        int size = images.shape().size();
        byte[] out = new byte[images.count() * (labelBytes + size)];
        for (int i = 0; i < images.count(); i++) {
            int at = i * (labelBytes + size);
            out[at + labelBytes - 1] = (byte) images.labels()[i];
            System.arraycopy(images.pixels(), i * size, out, at + labelBytes, size);
        }
        return out;
    }

    @Test
    void inMemoryBytesCountsAFloatPerPixelAndAnIntPerLabelOfEverySplit() {
        assertEquals(70_000L * (784 * 4 + 4), Datasets.inMemoryBytes(Datasets.FASHION_MNIST));
        assertEquals(70_000L * (784 * 4 + 4), Datasets.inMemoryBytes(Datasets.MNIST));
        assertEquals(12_000L * (784 * 4 + 4), Datasets.inMemoryBytes(Datasets.FASHION_MNIST_SUBSET));
        assertEquals(60_000L * (3072 * 4 + 4), Datasets.inMemoryBytes(Datasets.CIFAR_100));
        assertThrows(DatasetException.class, () -> Datasets.inMemoryBytes("imagenet"));
        // The embedded subset, loaded, holds exactly that.
        Dataset subset = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null, 42);
        long held = 0;
        for (DataSplit s : List.of(subset.train(), subset.validation(), subset.test())) {
            held += s.features().length * 4L + s.labels().length * 4L;
        }
        assertEquals(Datasets.inMemoryBytes(Datasets.FASHION_MNIST_SUBSET), held);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(n).nextBytes(b);
        return b;
    }

    @Test
    void gzipInflatesToTheTrailersSizeAndCopesWithATrailerThatLies() throws IOException {
        byte[] plain = data(100_000);
        byte[] gz = gzip(plain);
        assertEquals(plain.length, Gzip.initialSize(gz, 1L << 30));
        assertArrayEquals(plain, Gzip.decompress("f.gz", gz, 1L << 30));
        // A trailer claiming more than deflate can give is not believed (and the file then fails its check).
        byte[] lying = gz.clone();
        lying[lying.length - 1] = 0x7f;
        assertTrue(Gzip.initialSize(lying, 1L << 30) < plain.length * 10L);
        DatasetException e = assertThrows(DatasetException.class, () -> Gzip.decompress("f.gz", lying, 1L << 30));
        assertTrue(e.getMessage().contains("does not match the gzip trailer"), e.getMessage());
    }

    @Test
    void gzipOfSeveralMembersGrowsPastTheLastMembersSize() throws IOException {
        byte[] a = data(70_000);
        byte[] b = data(3_000);
        byte[] gzA = gzip(a);
        byte[] gzB = gzip(b);
        byte[] both = new byte[gzA.length + gzB.length];
        System.arraycopy(gzA, 0, both, 0, gzA.length);
        System.arraycopy(gzB, 0, both, gzA.length, gzB.length);
        byte[] expected = new byte[a.length + b.length];
        System.arraycopy(a, 0, expected, 0, a.length);
        System.arraycopy(b, 0, expected, a.length, b.length);
        assertArrayEquals(expected, Gzip.decompress("two.gz", both, 1L << 30));
    }

    @Test
    void gzipStopsAtItsLimitExactlyAsBefore() throws IOException {
        byte[] gz = gzip(data(10_000));
        assertArrayEquals(Gzip.decompress("f.gz", gz, 1L << 30), Gzip.decompress("f.gz", gz, 10_000));
        DatasetException e = assertThrows(DatasetException.class, () -> Gzip.decompress("f.gz", gz, 9_999));
        assertTrue(e.getMessage().contains("inflates to more than 9999 bytes"), e.getMessage());
    }
}
