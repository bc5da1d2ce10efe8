package io.joulebench.algorithms.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The datasets JouleBench knows, with the splits and normalisation of the study (spec/algorithms.md), and an
 * embedded deterministic subset of Fashion-MNIST so the main job runs offline.
 */
public final class Datasets {
    /** Seed of the random train/validation split where the spec calls for one. */
    public static final long DEFAULT_SPLIT_SEED = 42;

    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String CIFAR_10 = "cifar-10";
    public static final String CIFAR_100 = "cifar-100";
    /** 10 000 training and 2 000 test images of Fashion-MNIST, shipped inside the jar. */
    public static final String FASHION_MNIST_SUBSET = "fashion-mnist-subset";

    static final List<String> IDX_FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    static final String SUBSET_RESOURCE = "/io/joulebench/algorithms/data/fashion-mnist-subset/";

    private static final ImageShape GREY_28 = new ImageShape(1, 28, 28);
    private static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final List<String> CIFAR10_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");

    private static final Map<String, DatasetInfo> INFOS = new LinkedHashMap<>();

    static {
        double[] fmMean = {0.2860};
        double[] fmStd = {0.3530};
        add(new DatasetInfo(MNIST, MNIST, "MNIST digits: train = first 50 000, validation = last 10 000, official"
                + " test", GREY_28, DIGITS, new double[] {0.1307}, new double[] {0.3081}, false));
        add(new DatasetInfo(FASHION_MNIST, FASHION_MNIST, "Fashion-MNIST: seeded random 90/10 split of the 60 000,"
                + " official test", GREY_28, FASHION, fmMean, fmStd, false));
        add(new DatasetInfo(FASHION_MNIST_SUBSET, FASHION_MNIST, "embedded Fashion-MNIST subset (first 10 000"
                + " training, first 2 000 test images): seeded 90/10 split", GREY_28, FASHION, fmMean, fmStd, false));
        add(new DatasetInfo(CIFAR_10, CIFAR_10, "CIFAR-10: seeded random 45 000 / 5 000 split, official test;"
                + " random crop + flip", CifarReader.SHAPE, CIFAR10_NAMES, new double[] {0.4914, 0.4822, 0.4465},
                new double[] {0.2023, 0.1994, 0.2010}, true));
        add(new DatasetInfo(CIFAR_100, CIFAR_100, "CIFAR-100 (fine labels): seeded random 45 000 / 5 000 split,"
                + " official test; random crop + flip", CifarReader.SHAPE,
                IntStream.range(0, 100).mapToObj(i -> "class-" + i).toList(),
                new double[] {0.5071, 0.4867, 0.4408}, new double[] {0.2675, 0.2565, 0.2761}, true));
    }

    private Datasets() {
    }

    private static void add(DatasetInfo info) {
        INFOS.put(info.id(), info);
    }

    public static List<DatasetInfo> all() {
        return List.copyOf(INFOS.values());
    }

    /** @throws DatasetException naming the unknown id and the known ones */
    public static DatasetInfo info(String id) {
        DatasetInfo info = INFOS.get(id);
        if (info == null) {
            throw new DatasetException("unknown dataset '" + id + "'; known datasets: "
                    + String.join(", ", INFOS.keySet()) + " (see 'joulebench list datasets')");
        }
        return info;
    }

    /** Images in all splits together (train, validation and test), as the official files hold them. */
    private static final Map<String, Integer> IMAGES = Map.of(MNIST, 70_000, FASHION_MNIST, 70_000,
            FASHION_MNIST_SUBSET, 12_000, CIFAR_10, 60_000, CIFAR_100, 60_000);

    /**
     * What a loaded dataset holds in memory: a float32 value per pixel and an int label per image, every split
     * together (what sizes a trial's JVM; docs/benchmarks.md, "Memory").
     *
     * @throws DatasetException for an unknown id
     */
    public static long inMemoryBytes(String id) {
        DatasetInfo info = info(id);
        return IMAGES.get(id) * (info.shape().size() * (long) Float.BYTES + Integer.BYTES);
    }

    /** The files a dataset needs, relative to its folder. */
    public static List<String> requiredFiles(String id) {
        return switch (info(id).family()) {
            case CIFAR_10 -> List.of("cifar-10-batches-bin/data_batch_1.bin", "cifar-10-batches-bin/data_batch_2.bin",
                    "cifar-10-batches-bin/data_batch_3.bin", "cifar-10-batches-bin/data_batch_4.bin",
                    "cifar-10-batches-bin/data_batch_5.bin", "cifar-10-batches-bin/test_batch.bin");
            case CIFAR_100 -> List.of("cifar-100-binary/train.bin", "cifar-100-binary/test.bin");
            default -> IDX_FILES;
        };
    }

    /** Where the files of a dataset can be found, or why not. */
    public static Path locate(String id, DataLocator locator) {
        String how = id.equals(FASHION_MNIST)
                ? "run 'joulebench data fetch fashion-mnist', 'apt-get install dataset-fashion-mnist', or pass"
                + " --data-dir"
                : "run 'joulebench data fetch " + id + "' or pass --data-dir";
        return locator.find(id, requiredFiles(id), how);
    }

    /** Loads a dataset with its splits; the embedded subset needs no locator. */
    public static Dataset load(String id, DataLocator locator, long splitSeed) {
        DatasetInfo info = info(id);
        if (id.equals(FASHION_MNIST_SUBSET)) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String f : IDX_FILES) {
                files.put(f, readResource(SUBSET_RESOURCE + f));
            }
            return fromIdx(info, files, "embedded (jar resource " + SUBSET_RESOURCE + ")", splitSeed);
        }
        Path dir = locate(id, locator);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String f : requiredFiles(id)) {
            files.put(f, readFile(dir.resolve(f)));
        }
        return switch (info.family()) {
            case CIFAR_10 -> fromCifar(info, files, 1, dir.toString(), splitSeed);
            case CIFAR_100 -> fromCifar(info, files, 2, dir.toString(), splitSeed);
            default -> fromIdx(info, files, dir.toString(), splitSeed);
        };
    }

    /*
     * Loading keeps one copy of the images: the float splits, normalised straight from the inflated file bytes
     * (no sliced byte copies, no intermediate images). With the file bytes, that is the loading peak; a trial's
     * JVM keeps what the heap once held, so this peak is its floor (docs/benchmarks.md, "Memory").
     */
    static Dataset fromIdx(DatasetInfo info, Map<String, byte[]> files, String source, long splitSeed) {
        List<String> names = IDX_FILES;
        Map<String, String> hashes = hashes(files);
        PixelRows trainAll = IdxReader.readRows(names.get(0), files.get(names.get(0)), names.get(1),
                files.get(names.get(1)), 28, 28, info.numClasses());
        int[] trainIdx;
        int[] validationIdx;
        Long seedUsed;
        if (info.family().equals(MNIST)) {
            requireCount(names.get(0), trainAll.count(), 60_000);
            trainIdx = Splits.range(0, 50_000);
            validationIdx = Splits.range(50_000, trainAll.count());
            seedUsed = null;
        } else {
            if (info.id().equals(FASHION_MNIST)) {
                requireCount(names.get(0), trainAll.count(), 60_000);
            }
            int[][] split = Splits.randomSplit(trainAll.count(), trainAll.count() / 10, splitSeed);
            trainIdx = split[0];
            validationIdx = split[1];
            seedUsed = splitSeed;
        }
        DataSplit train = Splits.normalise("train", trainAll, trainIdx, info.mean(), info.std());
        DataSplit validation = Splits.normalise("validation", trainAll, validationIdx, info.mean(), info.std());
        trainAll = null; // the inflated training file can go before the test file is inflated
        PixelRows test = IdxReader.readRows(names.get(2), files.get(names.get(2)), names.get(3),
                files.get(names.get(3)), 28, 28, info.numClasses());
        return new Dataset(info, train, validation, Splits.normalise("test", test, Splits.range(0, test.count()),
                info.mean(), info.std()), source, hashes, seedUsed);
    }

    static Dataset fromCifar(DatasetInfo info, Map<String, byte[]> files, int labelBytes, String source,
                             long splitSeed) {
        Map<String, String> hashes = hashes(files);
        List<byte[]> trainParts = new ArrayList<>();
        List<int[]> trainLabels = new ArrayList<>();
        byte[] testBytes = null;
        int[] testLabels = null;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            boolean isTest = e.getKey().endsWith("test_batch.bin") || e.getKey().endsWith("test.bin");
            int expected = labelBytes == 1 ? 10_000 : (isTest ? 10_000 : 50_000);
            int[] labels = CifarReader.labels(e.getKey(), e.getValue(), labelBytes, info.numClasses(), expected);
            if (isTest) {
                testBytes = e.getValue();
                testLabels = labels;
            } else {
                trainParts.add(e.getValue());
                trainLabels.add(labels);
            }
        }
        int stride = labelBytes + CifarReader.SHAPE.size();
        int[] counts = trainLabels.stream().mapToInt(l -> l.length).toArray();
        PixelRows trainAll = new PixelRows(CifarReader.SHAPE, trainParts, counts, labelBytes, stride,
                trainLabels.stream().flatMapToInt(java.util.Arrays::stream).toArray());
        PixelRows test = new PixelRows(CifarReader.SHAPE, List.of(testBytes), new int[] {testLabels.length},
                labelBytes, stride, testLabels);
        int[][] split = Splits.randomSplit(trainAll.count(), 5_000, splitSeed);
        return new Dataset(info,
                Splits.normalise("train", trainAll, split[0], info.mean(), info.std()),
                Splits.normalise("validation", trainAll, split[1], info.mean(), info.std()),
                Splits.normalise("test", test, Splits.range(0, test.count()), info.mean(), info.std()),
                source, hashes, splitSeed);
    }

    private static void requireCount(String file, int count, int expected) {
        if (count != expected) {
            throw new DatasetException(file + ": holds " + count + " images, expected " + expected
                    + "; the file is truncated or not the official one, download it again");
        }
    }

    private static Map<String, String> hashes(Map<String, byte[]> files) {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((name, bytes) -> out.put(name, sha256(bytes)));
        return out;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Larger than any file of a supported dataset (CIFAR-100's train.bin: 154 MB), well below a Java array. */
    static final long MAX_FILE_BYTES = 512L << 20;

    static byte[] readFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DatasetException(String.format(java.util.Locale.ROOT, "%s: %.1f GiB, larger than any file"
                        + " of a supported dataset (at most %d MiB); is this the right file? Download it again",
                        file, size / (double) (1L << 30), MAX_FILE_BYTES >> 20));
            }
            return readFully(file, size);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": missing; run 'joulebench data fetch' again");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read (" + e.getMessage() + "); check its permissions", e);
        }
    }

    /** Reads at most this much per call: NIO keeps a per-thread native copy buffer as large as the largest read. */
    static final int READ_CHUNK = 1 << 20;

    /** The file in chunks, so no temporary native buffer of the file's size stays cached (26 MB for MNIST). */
    private static byte[] readFully(Path file, long size) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            byte[] bytes = new byte[(int) size];
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.position() < bytes.length) {
                buf.limit(Math.min(bytes.length, buf.position() + READ_CHUNK));
                if (ch.read(buf) < 0) {
                    break;
                }
            }
            if (buf.position() != bytes.length || ch.read(java.nio.ByteBuffer.allocate(1)) > 0) {
                throw new IOException("its size changed while it was read");
            }
            return bytes;
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = Datasets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DatasetException("embedded dataset file " + name + " is missing from the jar; rebuild"
                        + " with './mvnw -B package'");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DatasetException("embedded dataset file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
