package io.joulebench.algorithms.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a deterministic IDX subset of an MNIST-style dataset: the first {@code train} training and the first
 * {@code test} test images, in file order. This is how the embedded Fashion-MNIST subset was made.
 */
public final class SubsetMaker {
    private SubsetMaker() {
    }

    /** Writes the four gzip'd IDX files of the subset into {@code outDir}; returns their SHA-256 by name. */
    public static Map<String, String> write(Path sourceDir, int train, int test, int numClasses, Path outDir)
            throws IOException {
        List<String> names = Datasets.IDX_FILES;
        RawImages trainAll = IdxReader.read(names.get(0), Files.readAllBytes(sourceDir.resolve(names.get(0))),
                names.get(1), Files.readAllBytes(sourceDir.resolve(names.get(1))), 28, 28, numClasses);
        RawImages testAll = IdxReader.read(names.get(2), Files.readAllBytes(sourceDir.resolve(names.get(2))),
                names.get(3), Files.readAllBytes(sourceDir.resolve(names.get(3))), 28, 28, numClasses);
        if (train > trainAll.count() || test > testAll.count()) {
            throw new DatasetException(sourceDir + ": has only " + trainAll.count() + " training and "
                    + testAll.count() + " test images, fewer than the " + train + " / " + test + " asked for");
        }
        RawImages trainPart = Splits.head(trainAll, train);
        RawImages testPart = Splits.head(testAll, test);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(names.get(0), IdxWriter.images(trainPart));
        files.put(names.get(1), IdxWriter.labels(trainPart.labels()));
        files.put(names.get(2), IdxWriter.images(testPart));
        files.put(names.get(3), IdxWriter.labels(testPart.labels()));
        Files.createDirectories(outDir);
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(outDir.resolve(e.getKey()), e.getValue());
            hashes.put(e.getKey(), Datasets.sha256(e.getValue()));
        }
        return hashes;
    }
}
