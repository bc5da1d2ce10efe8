package io.joulebench.algorithms.data;

import java.util.List;
import java.util.Objects;

/**
 * What a dataset is, independent of where its files are.
 *
 * @param id stable id, e.g. {@code fashion-mnist}
 * @param family the full dataset this one is drawn from (its own id for full datasets); presets are per family
 * @param mean per-channel normalisation mean
 * @param std per-channel normalisation standard deviation
 * @param augmented whether training batches get random crop (4-pixel reflect padding) and horizontal flip
 */
public record DatasetInfo(String id, String family, String description, ImageShape shape, List<String> classNames,
                          double[] mean, double[] std, boolean augmented) {
    public DatasetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        classNames = List.copyOf(classNames);
        mean = mean.clone();
        std = std.clone();
        if (mean.length != shape.channels() || std.length != shape.channels()) {
            throw new IllegalArgumentException("normalisation needs one mean and std per channel for " + id);
        }
    }

    public int numClasses() {
        return classNames.size();
    }
}
