package io.joulebench.algorithms.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/** Minibatch iteration over a split: optional seeded shuffle, drop-last and augmentation. */
public final class Batches {
    private Batches() {
    }

    /**
     * Training batches for one epoch: shuffled with {@code rng}, last incomplete batch dropped, augmented when
     * the dataset says so.
     */
    public static Iterable<Batch> training(DataSplit split, int batchSize, SplittableRandom rng, boolean augment) {
        int[] order = Splits.permutation(split.size(), rng);
        int batches = split.size() / batchSize;
        SplittableRandom augmentRng = augment ? rng.split() : null;
        return () -> iterator(split, order, batchSize, batches, augmentRng);
    }

    /** Evaluation batches in file order, the last one possibly smaller. */
    public static Iterable<Batch> evaluation(DataSplit split, int batchSize) {
        int[] order = new int[split.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int batches = (split.size() + batchSize - 1) / batchSize;
        return () -> iterator(split, order, batchSize, batches, null);
    }

    private static Iterator<Batch> iterator(DataSplit split, int[] order, int batchSize, int batches,
                                            SplittableRandom augmentRng) {
        int size = split.shape().size();
        return new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = next * batchSize;
                int n = Math.min(batchSize, order.length - from);
                float[] x = new float[n * size];
                int[] y = new int[n];
                for (int i = 0; i < n; i++) {
                    int src = order[from + i];
                    System.arraycopy(split.features(), src * size, x, i * size, size);
                    y[i] = split.labels()[src];
                }
                if (augmentRng != null) {
                    Augmenter.cropAndFlip(x, n, split.shape(), augmentRng);
                }
                next++;
                return new Batch(x, y, n);
            }
        };
    }
}
