package io.joulebench.algorithms.data;

import java.util.SplittableRandom;

/** Train/validation splitting and normalisation, as the study's data table prescribes. */
public final class Splits {
    private Splits() {
    }

    /** The first {@code n} images (in file order). */
    public static RawImages head(RawImages all, int n) {
        return slice(all, range(0, n));
    }

    /**
     * A seeded random permutation of {@code 0..n-1}: the first {@code n - validation} indices train, the rest
     * validate.
     */
    public static int[][] randomSplit(int n, int validation, long seed) {
        if (validation <= 0 || validation >= n) {
            throw new IllegalArgumentException("validation size " + validation + " must be within (0, " + n + ")");
        }
        int[] perm = permutation(n, new SplittableRandom(seed));
        int[] train = java.util.Arrays.copyOfRange(perm, 0, n - validation);
        int[] val = java.util.Arrays.copyOfRange(perm, n - validation, n);
        // Sorted, so the split is a set: the order of samples within a split is the trainer's business.
        java.util.Arrays.sort(train);
        java.util.Arrays.sort(val);
        return new int[][] {train, val};
    }

    /** Fisher-Yates permutation of {@code 0..n-1}. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] perm = range(0, n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    public static RawImages slice(RawImages all, int[] idx) {
        int size = all.shape().size();
        byte[] pixels = new byte[idx.length * size];
        int[] labels = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(all.pixels(), idx[i] * size, pixels, i * size, size);
            labels[i] = all.labels()[idx[i]];
        }
        return new RawImages(all.shape(), pixels, labels);
    }

    /** x = (pixel / 255 - mean_c) / std_c for every channel c. */
    public static DataSplit normalise(String name, RawImages raw, double[] mean, double[] std) {
        return normalise(name, PixelRows.of(raw), range(0, raw.count()), mean, std);
    }

    /**
     * The images {@code idx} of {@code rows}, in that order, normalised as {@link #normalise(String, RawImages,
     * double[], double[])} does, straight from the bytes they were read in: the split's floats are the only
     * copy made.
     */
    static DataSplit normalise(String name, PixelRows rows, int[] idx, double[] mean, double[] std) {
        ImageShape shape = rows.shape();
        int size = shape.size();
        int plane = shape.height() * shape.width();
        float[] scale = new float[shape.channels()];
        float[] shift = new float[shape.channels()];
        for (int c = 0; c < shape.channels(); c++) {
            scale[c] = (float) (1.0 / (255.0 * std[c]));
            shift[c] = (float) (mean[c] / std[c]);
        }
        float[] out = new float[Math.multiplyExact(idx.length, size)];
        int[] labels = new int[idx.length];
        int[] starts = rows.starts();
        for (int j = 0; j < idx.length; j++) {
            int image = idx[j];
            int p = PixelRows.part(starts, image);
            byte[] px = rows.parts().get(p);
            int from = rows.offset() + (image - starts[p]) * rows.stride();
            int to = j * size;
            for (int k = 0; k < size; k++) {
                int c = k / plane;
                out[to + k] = (px[from + k] & 0xff) * scale[c] - shift[c];
            }
            labels[j] = rows.labels()[image];
        }
        return new DataSplit(name, shape, out, labels);
    }

    /** {@code from..to-1}. */
    static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }
}
