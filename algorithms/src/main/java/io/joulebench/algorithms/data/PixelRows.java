package io.joulebench.algorithms.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Images still inside the bytes they were read in, so a split can be normalised from them without copying
 * them first: image {@code i} of part {@code p} is the {@code shape.size()} bytes at
 * {@code offset + i * stride} of {@code parts.get(p)}, and images are numbered across the parts in order.
 *
 * @param counts how many images each part holds
 * @param labels the label of every image, across the parts
 */
record PixelRows(ImageShape shape, List<byte[]> parts, int[] counts, int offset, int stride, int[] labels) {
    PixelRows {
        Objects.requireNonNull(shape, "shape");
        parts = List.copyOf(parts);
        if (parts.size() != counts.length) {
            throw new IllegalArgumentException(parts.size() + " parts but " + counts.length + " counts");
        }
        if (stride < shape.size() || offset < 0) {
            throw new IllegalArgumentException("stride " + stride + " / offset " + offset + " for images of " + shape);
        }
        long n = 0;
        for (int p = 0; p < counts.length; p++) {
            if (counts[p] > 0 && offset + (long) (counts[p] - 1) * stride + shape.size() > parts.get(p).length) {
                throw new IllegalArgumentException("part " + p + " is too short for " + counts[p] + " images");
            }
            n += counts[p];
        }
        if (n != labels.length) {
            throw new IllegalArgumentException(n + " images but " + labels.length + " labels");
        }
    }

    /** Images laid out back to back from the start of one array, as {@link RawImages} holds them. */
    static PixelRows of(RawImages raw) {
        return new PixelRows(raw.shape(), List.of(raw.pixels()), new int[] {raw.count()}, 0, raw.shape().size(),
                raw.labels());
    }

    int count() {
        return labels.length;
    }

    /** The first image of every part, and the total count at the end. */
    int[] starts() {
        int[] starts = new int[counts.length + 1];
        for (int p = 0; p < counts.length; p++) {
            starts[p + 1] = starts[p] + counts[p];
        }
        return starts;
    }

    /** The part holding image {@code image}, given {@link #starts()}. */
    static int part(int[] starts, int image) {
        int p = Arrays.binarySearch(starts, 0, starts.length - 1, image);
        return p >= 0 ? p : -p - 2;
    }
}
