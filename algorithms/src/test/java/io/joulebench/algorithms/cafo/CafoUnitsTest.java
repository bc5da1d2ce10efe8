package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.local.Plateau;
import io.joulebench.algorithms.local.SeededInit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.ImageShape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CafoUnitsTest {

    @Test
    void leastSquaresSolvesAnExactlySolvableProblem() {
        // Five samples, four features plus the bias column: a square, invertible system, so one-hot Y is hit exactly.
        double[][] x = {{1, 0, 2, 0}, {0, 1, 0, 3}, {1, 1, 0, 0}, {2, 0, 1, 1}, {0, 2, 1, 0}};
        int[] labels = {0, 1, 2, 1, 0};
        INDArray features = Nd4j.create(x).castTo(DataType.FLOAT);
        LinearHead head = LeastSquares.fit(features, labels, 3, true, DataType.DOUBLE);
        INDArray out = head.logits(features.castTo(DataType.DOUBLE));
        INDArray target = LinearHead.oneHot(labels, 3, DataType.DOUBLE);
        assertTrue(out.sub(target).amaxNumber().doubleValue() < 1e-4, "fits one-hot targets: " + out);
        assertArrayEquals(labels, LinearHead.argmax(out));
    }

    @Test
    void leastSquaresWithoutBiasRecoversAKnownLinearMap() {
        // Y = X W* exactly for W* = one-hot rows: the pseudo-inverse solution is W* when X has full column rank.
        double[][] x = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        int[] labels = {0, 1, 2, 0, 1, 2};
        LinearHead head = LeastSquares.fit(Nd4j.create(x), labels, 3, false, DataType.DOUBLE);
        assertTrue(head.bias == null);
        assertTrue(head.weight.sub(Nd4j.eye(3).castTo(DataType.DOUBLE)).amaxNumber().doubleValue() < 1e-5,
                head.weight.toString());
    }

    @Test
    void logitSumAndSoftmaxSumCanDisagreeAndBothAreComputedExactly() {
        // Block 1 is very sure of class 0; blocks 2 and 3 mildly prefer class 1.
        List<INDArray> logits = List.of(Nd4j.create(new double[][] {{20, 0}}), Nd4j.create(new double[][] {{0, 3}}),
                Nd4j.create(new double[][] {{0, 3}}));
        assertArrayEquals(new int[] {0}, Inference.LOGITS.predict(logits), "logits sum to (20, 6)");
        assertArrayEquals(new int[] {1}, Inference.SOFTMAX.predict(logits), "softmax sums to about (1.095, 1.905)");
        INDArray softmaxSum = Inference.SOFTMAX.combine(logits);
        double p = 1 / (1 + Math.exp(3));
        assertEquals(1 / (1 + Math.exp(-20)) + 2 * p, softmaxSum.getDouble(0, 0), 1e-12);
        assertEquals(Inference.LOGITS.combine(logits), Nd4j.create(new double[][] {{20, 6}}));
        // Combining must not modify the predictors' logits.
        assertEquals(Nd4j.create(new double[][] {{20, 0}}), logits.get(0));
        assertEquals(Inference.LOGITS, Inference.of("logits"));
    }

    @Test
    void stageStopsAfterPatienceEpochsWithoutAMinDeltaImprovement() {
        Plateau s = new Plateau(Plateau.Mode.MIN, 2, 0.1);
        assertFalse(s.update(1, 1.0).stop());
        assertFalse(s.update(2, 0.95).stop(), "0.05 is below min delta: one stale epoch");
        assertFalse(s.update(3, 0.85).stop(), "0.15 below the best counts: resets");
        assertEquals(3, s.bestEpoch());
        assertFalse(s.update(4, 0.80).stop());
        assertTrue(s.update(5, 0.90).stop(), "second stale epoch in a row stops");
        Plateau zero = new Plateau(Plateau.Mode.MIN, 1, 0);
        assertFalse(zero.update(1, 1.0).stop());
        assertTrue(zero.update(2, 1.0).stop(), "equal loss is no improvement with min delta 0");
    }

    @Test
    void cachedBlockOutputsEqualAFreshForwardPass() {
        SplittableRandom rng = new SplittableRandom(4);
        ImageShape shape = new ImageShape(1, 12, 12);
        List<ConvBlock> blocks = CafoTrainer.buildBlocks(shape, List.of(3, 4), DataType.FLOAT, rng);
        int n = 7;
        float[] pixels = new float[n * shape.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) SeededInit.gaussian(rng);
        }
        DataSplit split = new DataSplit("t", shape, pixels, new int[n]);
        // Chunks of 3 rows (cache) against one batch of all 7 (recomputation).
        INDArray first = CafoTrainer.blockOutputs(blocks.get(0), null, split, null, 3);
        INDArray second = CafoTrainer.blockOutputs(blocks.get(1), blocks.get(0), split, first, 3);
        INDArray direct = blocks.get(1).forward(blocks.get(0).toNchw(
                blocks.get(0).forward(CafoTrainer.images(pixels, n, shape), false)), false);
        assertEquals(direct, second);
        assertEquals(4 * 3 * 3, blocks.get(1).flatSize());
        List<ConvBlock> study = CafoTrainer.buildBlocks(new ImageShape(1, 28, 28), List.of(32, 128, 512),
                DataType.FLOAT, rng);
        assertEquals(List.of(6272, 6272, 4608), study.stream().map(ConvBlock::flatSize).toList());
    }

    @Test
    void frozenBlocksUseInitialBatchNormStatistics() {
        ConvBlock b = new ConvBlock(1, 2, 4, 4, DataType.DOUBLE, new SplittableRandom(1));
        assertEquals(Nd4j.zeros(DataType.DOUBLE, 2), b.runningMean);
        assertEquals(Nd4j.ones(DataType.DOUBLE, 2), b.runningVar);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 1, 4, 4);
        b.forward(x, false);
        assertEquals(Nd4j.zeros(DataType.DOUBLE, 2), b.runningMean, "inference mode leaves statistics alone");
    }

    @Test
    void hostPatchRowsEqualNd4jIm2colInTheWeightRowsOrder() {
        // Odd size and several channels: padding on every border, and the (in, kh, kw) column order.
        ConvBlock b = new ConvBlock(3, 4, 5, 5, DataType.FLOAT, new SplittableRandom(2));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 5, 5).subi(0.5);
        INDArray host = b.patchRows(x);
        INDArray nd4j = b.patchRowsNd4j(x);
        org.junit.jupiter.api.Assertions.assertArrayEquals(nd4j.shape(), host.shape());
        org.junit.jupiter.api.Assertions.assertArrayEquals(nd4j.data().asFloat(), host.data().asFloat());
        // A view (every other sample) gives the same rows as its copy.
        INDArray four = Nd4j.rand(DataType.FLOAT, 4, 3, 5, 5);
        INDArray view = four.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2, 4));
        org.junit.jupiter.api.Assertions.assertArrayEquals(b.patchRowsNd4j(view.dup()).data().asFloat(),
                b.patchRows(view).data().asFloat());
    }

    @Test
    void hostMaxPoolEqualsNd4jPoolingWithTiesAndAnOddBorder() {
        ConvBlock b = new ConvBlock(1, 3, 5, 5, DataType.FLOAT, new SplittableRandom(4));
        int n = 2;
        // ReLU-like values with many ties (zeros and repeated small integers) on a 5x5 grid: floor-mode pooling.
        float[] v = new float[n * 5 * 5 * 3];
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, rng.nextInt(4) - 1);
        }
        INDArray a = Nd4j.create(v, new long[] {n * 25L, 3}, DataType.FLOAT);
        for (boolean train : new boolean[] {false, true}) {
            ConvBlock.Pooled host = b.maxPool(a, n, train);
            ConvBlock.Pooled nd4j = b.maxPoolNd4j(a, n, train);
            org.junit.jupiter.api.Assertions.assertArrayEquals(nd4j.values().shape(), host.values().shape());
            org.junit.jupiter.api.Assertions.assertArrayEquals(nd4j.values().dup('c').data().asFloat(),
                    host.values().dup('c').data().asFloat());
            for (int k = 0; train && k < 4; k++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(nd4j.masks()[k].shape(), host.masks()[k].shape());
                org.junit.jupiter.api.Assertions.assertArrayEquals(nd4j.masks()[k].dup('c').data().asFloat(),
                        host.masks()[k].dup('c').data().asFloat(), "mask " + k);
            }
        }
    }
}
