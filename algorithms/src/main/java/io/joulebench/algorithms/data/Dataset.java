package io.joulebench.algorithms.data;

import java.util.Map;
import java.util.Objects;

/**
 * A dataset ready to train on: train, validation and test splits, plus where it came from.
 *
 * @param source human-readable origin (a folder, or the embedded subset)
 * @param fileSha256 SHA-256 of every file read, by file name (for provenance)
 * @param splitSeed the seed of the train/validation split, or null where the split is fixed
 */
public record Dataset(DatasetInfo info, DataSplit train, DataSplit validation, DataSplit test, String source,
                      Map<String, String> fileSha256, Long splitSeed) {
    public Dataset {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        fileSha256 = Map.copyOf(fileSha256);
    }
}
