package io.joulebench.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitsAndBatchesTest {

    @Test
    void randomSplitIsSeededDisjointAndComplete() {
        int[][] a = Splits.randomSplit(100, 10, 42);
        int[][] b = Splits.randomSplit(100, 10, 42);
        int[][] c = Splits.randomSplit(100, 10, 43);
        assertArrayEquals(a[1], b[1]);
        assertNotEquals(List.of(a[1]), List.of(c[1]));
        assertEquals(90, a[0].length);
        assertEquals(10, a[1].length);
        Set<Integer> all = new HashSet<>();
        for (int[] part : a) {
            for (int i : part) {
                assertTrue(all.add(i), "index " + i + " in both splits");
            }
        }
        assertEquals(100, all.size());
    }

    @Test
    void normalisationUsesPerChannelMeanAndStd() {
        RawImages raw = new RawImages(new ImageShape(2, 1, 2), new byte[] {0, (byte) 255, (byte) 255, 0},
                new int[] {1});
        DataSplit s = Splits.normalise("x", raw, new double[] {0.5, 0.25}, new double[] {0.5, 0.25});
        assertEquals(-1f, s.features()[0], 1e-6);
        assertEquals(1f, s.features()[1], 1e-6);
        assertEquals(3f, s.features()[2], 1e-6);
        assertEquals(-1f, s.features()[3], 1e-6);
    }

    private static DataSplit counting(int n, int size) {
        float[] x = new float[n * size];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i;
            for (int j = 0; j < size; j++) {
                x[i * size + j] = i;
            }
        }
        return new DataSplit("t", new ImageShape(1, 1, size), x, y);
    }

    @Test
    void trainingBatchesDropTheLastIncompleteOneAndShuffleBySeed() {
        DataSplit split = counting(10, 3);
        List<Integer> first = labels(Batches.training(split, 4, new SplittableRandom(1), false));
        List<Integer> again = labels(Batches.training(split, 4, new SplittableRandom(1), false));
        assertEquals(8, first.size());
        assertEquals(first, again);
        assertEquals(8, new HashSet<>(first).size());
        for (Batch b : Batches.training(split, 4, new SplittableRandom(1), false)) {
            for (int i = 0; i < b.size(); i++) {
                assertEquals(b.labels()[i], b.features()[i * 3 + 2], "features travel with their label");
            }
        }
    }

    @Test
    void evaluationBatchesCoverEverySampleInOrder() {
        List<Integer> seen = labels(Batches.evaluation(counting(10, 2), 4));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
    }

    private static List<Integer> labels(Iterable<Batch> batches) {
        List<Integer> out = new ArrayList<>();
        for (Batch b : batches) {
            for (int i = 0; i < b.size(); i++) {
                out.add(b.labels()[i]);
            }
        }
        return out;
    }

    @Test
    void reflectPaddingDoesNotRepeatTheEdge() {
        assertEquals(1, Augmenter.reflect(-1, 5));
        assertEquals(4, Augmenter.reflect(-4, 5));
        assertEquals(3, Augmenter.reflect(5, 5));
        assertEquals(2, Augmenter.reflect(2, 5));
    }

    @Test
    void augmentationCropsAndFlipsButKeepsValues() {
        ImageShape shape = new ImageShape(3, 8, 8);
        float[] img = new float[shape.size()];
        for (int i = 0; i < img.length; i++) {
            img[i] = i;
        }
        Set<Float> original = new HashSet<>();
        for (float v : img) {
            original.add(v);
        }
        boolean changed = false;
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            float[] copy = img.clone();
            Augmenter.cropAndFlip(copy, 1, shape, rng);
            for (float v : copy) {
                assertTrue(original.contains(v), "augmentation invents no values");
            }
            // Channels never mix: channel c keeps values from its own plane.
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 64; p++) {
                    int v = (int) copy[c * 64 + p];
                    assertEquals(c, v / 64);
                }
            }
            changed |= !java.util.Arrays.equals(copy, img);
        }
        assertTrue(changed);
    }
}
