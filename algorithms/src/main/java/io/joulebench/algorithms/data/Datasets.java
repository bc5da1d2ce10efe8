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

    static Dataset fromIdx(DatasetInfo info, Map<String, byte[]> files, String source, long splitSeed) {
        List<String> names = IDX_FILES;
        RawImages trainAll = IdxReader.read(names.get(0), files.get(names.get(0)), names.get(1),
                files.get(names.get(1)), 28, 28, info.numClasses());
        RawImages test = IdxReader.read(names.get(2), files.get(names.get(2)), names.get(3),
                files.get(names.get(3)), 28, 28, info.numClasses());
        RawImages train;
        RawImages validation;
        Long seedUsed;
        if (info.family().equals(MNIST)) {
            requireCount(names.get(0), trainAll, 60_000);
            train = Splits.head(trainAll, 50_000);
            validation = Splits.tail(trainAll, 50_000);
            seedUsed = null;
        } else {
            if (info.id().equals(FASHION_MNIST)) {
                requireCount(names.get(0), trainAll, 60_000);
            }
            int[][] split = Splits.randomSplit(trainAll.count(), trainAll.count() / 10, splitSeed);
            train = Splits.slice(trainAll, split[0]);
            validation = Splits.slice(trainAll, split[1]);
            seedUsed = splitSeed;
        }
        return build(info, train, validation, test, source, hashes(files), seedUsed);
    }

    static Dataset fromCifar(DatasetInfo info, Map<String, byte[]> files, int labelBytes, String source,
                             long splitSeed) {
        List<RawImages> trainParts = new ArrayList<>();
        RawImages test = null;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            boolean isTest = e.getKey().endsWith("test_batch.bin") || e.getKey().endsWith("test.bin");
            int expected = labelBytes == 1 ? 10_000 : (isTest ? 10_000 : 50_000);
            RawImages part = CifarReader.read(e.getKey(), e.getValue(), labelBytes, info.numClasses(), expected);
            if (isTest) {
                test = part;
            } else {
                trainParts.add(part);
            }
        }
        RawImages trainAll = RawImages.concat(trainParts);
        int[][] split = Splits.randomSplit(trainAll.count(), 5_000, splitSeed);
        return build(info, Splits.slice(trainAll, split[0]), Splits.slice(trainAll, split[1]), test, source,
                hashes(files), splitSeed);
    }

    private static Dataset build(DatasetInfo info, RawImages train, RawImages validation, RawImages test,
                                 String source, Map<String, String> hashes, Long splitSeed) {
        return new Dataset(info,
                Splits.normalise("train", train, info.mean(), info.std()),
                Splits.normalise("validation", validation, info.mean(), info.std()),
                Splits.normalise("test", test, info.mean(), info.std()),
                source, hashes, splitSeed);
    }

    private static void requireCount(String file, RawImages images, int expected) {
        if (images.count() != expected) {
            throw new DatasetException(file + ": holds " + images.count() + " images, expected " + expected
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
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": missing; run 'joulebench data fetch' again");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read (" + e.getMessage() + "); check its permissions", e);
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
