package io.joulebench.algorithms.data;

import java.util.Objects;

/**
 * One split of normalised images, row-major: image i occupies {@code features[i*size .. (i+1)*size)} in
 * channel, row, column order (NCHW).
 */
public record DataSplit(String name, ImageShape shape, float[] features, int[] labels) {
    public DataSplit {
        Objects.requireNonNull(name, "name");
        if ((long) labels.length * shape.size() != features.length) {
            throw new IllegalArgumentException("split " + name + ": " + labels.length + " labels but "
                    + features.length + " feature values for images of " + shape);
        }
    }

    public int size() {
        return labels.length;
    }
}
