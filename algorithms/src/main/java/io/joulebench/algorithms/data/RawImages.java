package io.joulebench.algorithms.data;

import java.util.Objects;

/** Images as stored on disk: unsigned bytes in channel, row, column order, with their labels. */
public record RawImages(ImageShape shape, byte[] pixels, int[] labels) {
    public RawImages {
        Objects.requireNonNull(shape, "shape");
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + pixels.length + " pixel bytes");
        }
    }

    public int count() {
        return labels.length;
    }

    /** Concatenates several batches of the same shape (e.g. CIFAR-10's five training files). */
    public static RawImages concat(java.util.List<RawImages> parts) {
        ImageShape shape = parts.get(0).shape();
        int n = parts.stream().mapToInt(RawImages::count).sum();
        byte[] pixels = new byte[n * shape.size()];
        int[] labels = new int[n];
        int at = 0;
        for (RawImages p : parts) {
            if (!p.shape().equals(shape)) {
                throw new IllegalArgumentException("cannot concatenate " + p.shape() + " with " + shape);
            }
            System.arraycopy(p.pixels(), 0, pixels, at * shape.size(), p.pixels().length);
            System.arraycopy(p.labels(), 0, labels, at, p.count());
            at += p.count();
        }
        return new RawImages(shape, pixels, labels);
    }
}
