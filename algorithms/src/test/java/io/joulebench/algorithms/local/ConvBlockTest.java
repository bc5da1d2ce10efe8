package io.joulebench.algorithms.local;

import static io.joulebench.algorithms.local.GradientCheck.assertClose;
import static io.joulebench.algorithms.local.GradientCheck.numeric;
import static io.joulebench.algorithms.local.GradientCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.data.ImageShape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ConvBlockTest {
    private static final DataType D = DataType.DOUBLE;

    /**
     * The backward pass is the gradient of sum_i <dOut_i, block(x)_i>, BatchNorm batch statistics included, with
     * respect to the parameters and to the input.
     */
    @Test
    void backwardIsTheGradientOfTheInjectedLinearLoss() {
        // {height, width}: even; odd (floor-mode pooling drops the last row and column); non-square both ways.
        for (int[] hw : new int[][] {{6, 6}, {5, 5}, {5, 6}, {6, 5}}) {
            int height = hw[0];
            int width = hw[1];
            String size = height + "x" + width;
            SplittableRandom rng = new SplittableRandom(3 + height * 7 + width);
            ConvBlock block = new ConvBlock(2, 3, height, width, D, rng);
            // Move gamma and beta off their initial values so their gradients are exercised generally.
            block.gamma.assign(random(rng, 3).addi(1.5));
            block.beta.assign(random(rng, 3));
            INDArray x = random(rng, 3, height * width * 2);
            INDArray dOut = random(rng, 3, block.flatSize());
            DoubleSupplier objective = () -> block.forward(x, true).mul(dOut).sumNumber().doubleValue();
            block.forward(x, true);
            ConvBlock.Gradients g = block.backward(dOut, true);
            assertClose(numeric(block.weight, objective), g.weight(), "conv weight, " + size);
            assertClose(numeric(block.gamma, objective), g.gamma(), "gamma, " + size);
            assertClose(numeric(block.beta, objective), g.beta(), "beta, " + size);
            assertClose(numeric(x, objective), g.input(), "input, " + size);

            block.forward(x, true);
            assertNull(block.backward(dOut, false).input(), "no input gradient unless asked for");
        }
    }

    @Test
    void backwardNeedsATrainingForwardPass() {
        ConvBlock b = new ConvBlock(1, 2, 4, 4, DataType.FLOAT, new SplittableRandom(1));
        INDArray dOut = Nd4j.zeros(DataType.FLOAT, 2, b.flatSize());
        assertThrows(IllegalStateException.class, () -> b.backward(dOut, false));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 16);
        b.forward(x, true);
        assertThrows(IllegalArgumentException.class, () -> b.backward(Nd4j.zeros(DataType.FLOAT, 3, b.flatSize()),
                false), "gradients for another batch size");
        b.forward(x, false);
        assertThrows(IllegalStateException.class, () -> b.backward(dOut, false), "an inference pass drops the cache");
    }

    /**
     * The float32 host kernels against the ND4J reference, same seed: outputs in both modes, running statistics and
     * all gradients. Integer-valued inputs and weights make pooling ties (the first maximum gets the gradient) and
     * non-positive maxima (ReLU's zero derivative) common; random ones exercise the general case. The last shape has
     * enough channels for the patch rows to be copied straight into the matrix, and enough samples for the host pass
     * to take them in three chunks, the last one short.
     */
    @Test
    void hostKernelsEqualTheNd4jReference() {
        for (boolean ties : new boolean[] {false, true}) {
            // height, width, input channels, samples
            for (int[] shape : new int[][] {{6, 6, 3, 3}, {5, 5, 3, 3}, {5, 6, 3, 3}, {6, 5, 3, 3}, {16, 15, 12, 20}}) {
                int height = shape[0];
                int width = shape[1];
                int in = shape[2];
                int n = shape[3];
                int seed = height * 7 + width;
                ConvBlock host = new ConvBlock(in, 4, height, width, DataType.FLOAT, new SplittableRandom(seed));
                ConvBlock reference = ConvBlock.reference(in, 4, height, width, DataType.FLOAT,
                        new SplittableRandom(seed));
                SplittableRandom rng = new SplittableRandom(20 + seed);
                INDArray x = random(rng, n, height * width * in).castTo(DataType.FLOAT);
                if (ties) {
                    // Values in {-1, 0, 1}: many equal pre-activations, many of them not positive.
                    x = integers(rng, n, height * width * in);
                    INDArray w = integers(rng, host.weight.shape());
                    host.weight.assign(w);
                    reference.weight.assign(w);
                }
                INDArray gamma = random(rng, 4).castTo(DataType.FLOAT).addi(1.5);
                host.gamma.assign(gamma);
                reference.gamma.assign(gamma);
                String what = (ties ? "ties, " : "random, ") + height + "x" + width;
                INDArray dOut = random(rng, n, host.flatSize()).castTo(DataType.FLOAT);

                assertNear(reference.forward(x, true), host.forward(x, true), 1e-5, "training output, " + what);
                // The reference sums in float32, the host in double: they differ at float32's rounding of ~1000 rows.
                assertNear(reference.runningMean, host.runningMean, 1e-5, "running mean, " + what);
                assertNear(reference.runningVar, host.runningVar, 1e-5, "running variance, " + what);
                ConvBlock.Gradients expected = reference.backward(dOut, true);
                ConvBlock.Gradients actual = host.backward(dOut, true);
                assertNear(expected.weight(), actual.weight(), 1e-4, "weight gradient, " + what);
                assertNear(expected.gamma(), actual.gamma(), 1e-4, "gamma gradient, " + what);
                assertNear(expected.beta(), actual.beta(), 1e-4, "beta gradient, " + what);
                assertNear(expected.input(), actual.input(), 1e-4, "input gradient, " + what);
                assertNear(reference.forward(x, false), host.forward(x, false), 1e-5, "inference output, " + what);
            }
        }
    }

    private static INDArray integers(SplittableRandom rng, long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, rng.nextInt(3) - 1);
        }
        return a;
    }

    private static void assertNear(INDArray expected, INDArray actual, double tolerance, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        double scale = Math.max(1e-6, expected.norm2Number().doubleValue());
        double err = expected.sub(actual).norm2Number().doubleValue() / scale;
        assertTrue(err < tolerance, what + ": relative error " + err);
    }

    @Test
    void inferenceUsesTheRunningStatisticsAndLeavesThemAlone() {
        ConvBlock b = new ConvBlock(1, 2, 4, 4, D, new SplittableRandom(1));
        assertEquals(Nd4j.zeros(D, 2), b.runningMean);
        assertEquals(Nd4j.ones(D, 2), b.runningVar);
        INDArray x = Nd4j.rand(D, 3, 16);
        b.forward(x, false);
        assertEquals(Nd4j.zeros(D, 2), b.runningMean, "inference mode leaves statistics alone");
        b.forward(x, true);
        assertTrue(b.runningMean.sumNumber().doubleValue() > 0, "training mode moves them");
    }

    @Test
    void hostPatchRowsEqualNd4jIm2colRows() {
        // Odd, non-square size and several channels: padding on every border, and the (kh, kw, in) order; with 3
        // channels runs are gathered in a Java buffer, with 12 copied straight into the matrix.
        for (int in : new int[] {3, 12}) {
            ConvBlock b = new ConvBlock(in, 4, 5, 6, DataType.FLOAT, new SplittableRandom(2));
            INDArray x = Nd4j.rand(DataType.FLOAT, 2, 5 * 6 * in).subi(0.5);
            INDArray host = b.patchRows(x);
            INDArray nd4j = b.patchRowsNd4j(x);
            assertArrayEquals(nd4j.shape(), host.shape());
            assertArrayEquals(nd4j.data().asFloat(), host.data().asFloat(), in + " channels");
        }
        ConvBlock b = new ConvBlock(3, 4, 5, 6, DataType.FLOAT, new SplittableRandom(2));
        // A view (every other sample) gives the same patches as its copy.
        INDArray four = Nd4j.rand(DataType.FLOAT, 4, 5 * 6 * 3);
        INDArray view = four.get(NDArrayIndex.interval(0, 2, 4), NDArrayIndex.all());
        assertArrayEquals(b.patchRows(view.dup()).data().asFloat(), b.patchRows(view).data().asFloat());
    }

    @Test
    void patchRowsAdjointIsTheTransposeOfPatchRows() {
        // <patchRows(x), c> = <x, adjoint(c)> for any x and c: the defining property of col2im.
        ConvBlock b = new ConvBlock(2, 3, 5, 4, DataType.FLOAT, new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(4);
        INDArray x = random(rng, 2, 5 * 4 * 2).castTo(DataType.FLOAT);
        INDArray c = random(rng, 2 * 5 * 4, 9 * 2).castTo(DataType.FLOAT);
        double left = b.patchRows(x).castTo(D).mul(c.castTo(D)).sumNumber().doubleValue();
        double right = x.castTo(D).mul(b.patchRowsAdjoint(c, 2).castTo(D)).sumNumber().doubleValue();
        assertEquals(left, right, 1e-4 * Math.abs(left));
    }

    @Test
    void weightsAreKaimingUniformForRelu() {
        // The study's init, U(+-sqrt(6/fan_in)), fan_in = in * 9: the extremes reach the bound, never beyond it.
        ConvBlock b = new ConvBlock(32, 128, 14, 14, DataType.FLOAT, new SplittableRandom(1));
        double bound = Math.sqrt(6.0 / (32 * 9));
        double max = b.weight.amaxNumber().doubleValue();
        assertTrue(max <= bound && max > 0.99 * bound, "largest |w| " + max + " against bound " + bound);
    }

    @Test
    void imagesAreStoredChannelsLast() {
        // Datasets hold each image channel by channel; blocks read channels last.
        float[] chw = {1, 2, 3, 4, 5, 6, 7, 8};
        INDArray x = ConvBlock.images(chw, 1, new ImageShape(2, 2, 2), DataType.FLOAT);
        assertArrayEquals(new float[] {1, 5, 2, 6, 3, 7, 4, 8}, x.data().asFloat());
        assertArrayEquals(new long[] {1, 8}, x.shape());
    }

    @Test
    void stackHalvesTheImageAtEveryBlock() {
        List<ConvBlock> study = ConvBlock.stack(new ImageShape(1, 28, 28),
                List.of(32, 128, 512), DataType.FLOAT, new SplittableRandom(1));
        assertEquals(List.of(6272, 6272, 4608), study.stream().map(ConvBlock::flatSize).toList());
        assertThrows(IllegalArgumentException.class, () -> ConvBlock.stack(
                new ImageShape(1, 4, 4), List.of(2, 2, 2), DataType.FLOAT,
                new SplittableRandom(1)), "a 1x1 input cannot be pooled");
    }
}
