package io.joulebench.algorithms.cafo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.ImageShape;
import io.joulebench.algorithms.local.ConvBlock;
import io.joulebench.algorithms.local.LinearHead;
import io.joulebench.algorithms.local.Plateau;
import io.joulebench.algorithms.local.SeededInit;
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
        List<ConvBlock> blocks = ConvBlock.stack(shape, List.of(3, 4), DataType.FLOAT, rng);
        int n = 7;
        float[] pixels = new float[n * shape.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) SeededInit.gaussian(rng);
        }
        DataSplit split = new DataSplit("t", shape, pixels, new int[n]);
        // Chunks of 3 rows (cache) against one batch of all 7 (recomputation).
        INDArray first = CafoTrainer.blockOutputs(blocks.get(0), split, null, 3);
        INDArray second = CafoTrainer.blockOutputs(blocks.get(1), split, first, 3);
        INDArray direct = blocks.get(1).forward(blocks.get(0).forward(CafoTrainer.images(pixels, n, shape), false),
                false);
        assertEquals(direct, second);
        assertEquals(4 * 3 * 3, blocks.get(1).flatSize());
    }
}
