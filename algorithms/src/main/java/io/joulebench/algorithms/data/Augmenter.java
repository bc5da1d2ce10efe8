package io.joulebench.algorithms.data;

import java.util.SplittableRandom;

/** CIFAR training augmentation: random 32x32 crop of the 4-pixel reflect-padded image, then random flip. */
public final class Augmenter {
    public static final int PADDING = 4;

    private Augmenter() {
    }

    /**
     * Augments {@code count} images in place. Works on normalised values: normalisation is per-pixel affine, so
     * reflecting normalised pixels equals normalising reflected ones.
     */
    public static void cropAndFlip(float[] images, int count, ImageShape shape, SplittableRandom rng) {
        int h = shape.height();
        int w = shape.width();
        int size = shape.size();
        float[] src = new float[size];
        for (int i = 0; i < count; i++) {
            int dy = rng.nextInt(2 * PADDING + 1) - PADDING;
            int dx = rng.nextInt(2 * PADDING + 1) - PADDING;
            boolean flip = rng.nextBoolean();
            int base = i * size;
            System.arraycopy(images, base, src, 0, size);
            for (int c = 0; c < shape.channels(); c++) {
                int plane = c * h * w;
                for (int y = 0; y < h; y++) {
                    int sy = reflect(y + dy, h);
                    for (int x = 0; x < w; x++) {
                        int ox = flip ? w - 1 - x : x;
                        int sx = reflect(ox + dx, w);
                        images[base + plane + y * w + x] = src[plane + sy * w + sx];
                    }
                }
            }
        }
    }

    /** Reflect padding without repeating the edge (PyTorch's "reflect" mode). */
    static int reflect(int i, int n) {
        if (i < 0) {
            return -i;
        }
        if (i >= n) {
            return 2 * (n - 1) - i;
        }
        return i;
    }
}
