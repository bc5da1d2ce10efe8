package io.joulebench.algorithms.local;

import io.joulebench.algorithms.data.ImageShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One CaFo block: Conv 3x3 (stride 1, pad 1, no bias) -> ReLU -> MaxPool 2x2 (stride 2, floor) -> BatchNorm,
 * written by hand (im2col + gemm) so that a block can back-propagate an error signal injected at its output: inside
 * itself only (CaFo-DFA, input detached) or on to its input (the backprop CNN twin).
 *
 * <p>Layout: channels last (NHWC) throughout. A block reads and writes one row per sample, flattened in (row,
 * column, channel) order, so a block's output is the next block's input as it stands, and its input gradient is the
 * previous block's output gradient. Inside, activations are matrices with one row per (sample, row, column) and one
 * column per channel, which makes ReLU and BatchNorm column-wise, and a 3x3 patch is three runs of contiguous
 * values. The order of the flattened features is irrelevant to a linear map on top (a fixed permutation of its
 * inputs).
 *
 * <p>BatchNorm follows PyTorch: eps 1e-5, biased batch variance for normalisation in training mode, running
 * statistics updated with momentum 0.1 and the unbiased variance, initial running mean 0 and variance 1, gamma 1,
 * beta 0.
 *
 * <p>The block owns its shape, parameters and the checks on what goes in and out; its {@link ConvKernels} compute.
 * Float32 blocks run {@link HostConvKernels} (fused host passes, several times faster than chains of ND4J
 * element-wise ops), other types {@link Nd4jConvKernels}. The ND4J kernels are the reference: the double-precision
 * gradient checks run them, and tests hold the host kernels equal to them in float32.
 */
public final class ConvBlock {
    static final double BN_EPS = 1e-5;
    static final double BN_MOMENTUM = 0.1;

    public final int inChannels;
    public final int outChannels;
    public final int inHeight;
    public final int inWidth;
    public final DataType type;

    /** Conv weights [out, 3*3*in], each row in (kh, kw, in) order: the order of a patch of NHWC input. */
    public final INDArray weight;
    public final INDArray gamma;
    public final INDArray beta;
    public final INDArray runningMean;
    public final INDArray runningVar;

    private final ConvKernels kernels;

    /** Gradients of one block's parameters, in {@link #parameters()} order, and (when asked for) of its input. */
    public record Gradients(INDArray weight, INDArray gamma, INDArray beta, INDArray input) {
        public List<INDArray> asList() {
            return List.of(weight, gamma, beta);
        }
    }

    public ConvBlock(int inChannels, int outChannels, int inHeight, int inWidth, DataType type, SplittableRandom rng) {
        this(inChannels, outChannels, inHeight, inWidth, type, rng,
                type == DataType.FLOAT ? HostConvKernels::new : Nd4jConvKernels::new);
    }

    private ConvBlock(int inChannels, int outChannels, int inHeight, int inWidth, DataType type, SplittableRandom rng,
                      Function<ConvBlock, ConvKernels> kernels) {
        if (inHeight < 2 || inWidth < 2) {
            throw new IllegalArgumentException("a CaFo block needs at least 2x2 input to pool, got " + inHeight + "x"
                    + inWidth + " (too many blocks for this image size)");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.type = type;
        // The study's explicit Kaiming-uniform for ReLU, U(+-sqrt(6/fan_in)) with fan_in = in * 3 * 3 (not Conv2d's
        // default 1/sqrt(fan_in)), drawn in PyTorch's (out, in, kh, kw) order, then stored with the input channel
        // last.
        this.weight = SeededInit.kaimingUniformRelu(type, inChannels * 9L, rng, outChannels, inChannels, 3, 3)
                .permute(0, 2, 3, 1).dup('c').reshape(outChannels, 9L * inChannels).dup('c'); // whole, not a view
        this.gamma = Nd4j.ones(type, outChannels);
        this.beta = Nd4j.zeros(type, outChannels);
        this.runningMean = Nd4j.zeros(type, outChannels);
        this.runningVar = Nd4j.ones(type, outChannels);
        // Last: the kernels read the block's shape and parameters.
        this.kernels = kernels.apply(this);
    }

    /** A block on the ND4J kernels whatever its type: the reference the host kernels are tested against. */
    static ConvBlock reference(int inChannels, int outChannels, int inHeight, int inWidth, DataType type,
                               SplittableRandom rng) {
        return new ConvBlock(inChannels, outChannels, inHeight, inWidth, type, rng, Nd4jConvKernels::new);
    }

    /** The blocks for this image shape and channel list, seeded, each reading the previous one's output. */
    public static List<ConvBlock> stack(ImageShape shape, List<Integer> channels, DataType type,
                                        SplittableRandom rng) {
        List<ConvBlock> blocks = new ArrayList<>();
        int in = shape.channels();
        int h = shape.height();
        int w = shape.width();
        for (int out : channels) {
            ConvBlock b = new ConvBlock(in, out, h, w, type, rng);
            blocks.add(b);
            in = out;
            h = b.outHeight();
            w = b.outWidth();
        }
        return blocks;
    }

    /** A batch of images (each stored channel by channel, as datasets hold them) as the first block's input. */
    public static INDArray images(float[] features, int n, ImageShape shape, DataType type) {
        int plane = shape.height() * shape.width();
        int c = shape.channels();
        float[] nhwc = features;
        if (c > 1) {
            nhwc = new float[n * plane * c];
            for (int i = 0, o = 0; i < n; i++) {
                for (int p = 0; p < plane; p++) {
                    for (int ch = 0; ch < c; ch++, o++) {
                        nhwc[o] = features[(i * c + ch) * plane + p];
                    }
                }
            }
        }
        return Nd4j.create(nhwc, new long[] {n, (long) plane * c}, type);
    }

    /** Values per sample of the block input. */
    public int inputSize() {
        return inHeight * inWidth * inChannels;
    }

    public int outHeight() {
        return inHeight / 2;
    }

    public int outWidth() {
        return inWidth / 2;
    }

    /** Values per sample of the flattened block output. */
    public int flatSize() {
        return outHeight() * outWidth() * outChannels;
    }

    /** Trainable parameters (updated in place by the optimiser). */
    public List<INDArray> parameters() {
        return List.of(weight, gamma, beta);
    }

    /** Forward FLOPs per sample (the convolution's multiply-adds; ReLU, pool and BatchNorm are negligible). */
    public double forwardFlopsPerSample() {
        return 2.0 * inHeight * inWidth * outChannels * inChannels * 9;
    }

    /**
     * Runs the block on input {@code [n, inputSize]} (NHWC, flattened); returns the output {@code [n, flatSize]}.
     * In training mode BatchNorm uses the batch statistics and updates its running ones, and the block keeps what
     * {@link #backward} needs; otherwise BatchNorm uses the running statistics.
     */
    public INDArray forward(INDArray x, boolean train) {
        if (x.rank() != 2 || x.columns() != inputSize()) {
            throw new IllegalArgumentException("block expects [n, " + inputSize() + "] input (" + inHeight + "x"
                    + inWidth + "x" + inChannels + " channels last), got " + Arrays.toString(x.shape()));
        }
        return kernels.forward(x.dataType() == type ? x : x.castTo(type), train);
    }

    /**
     * Gradients of {@code sum over samples of <dOut_i, output_i>} for the last training-mode forward pass
     * (BatchNorm's batch statistics included): with respect to the parameters, and with {@code inputGradient} also
     * to the input (in the input's layout).
     */
    public Gradients backward(INDArray dOut, boolean inputGradient) {
        int n = kernels.keptBatchSize().orElseThrow(
                () -> new IllegalStateException("backward needs a preceding training-mode forward pass"));
        if (dOut.rank() != 2 || dOut.rows() != n || dOut.columns() != flatSize()) {
            throw new IllegalArgumentException("block backward expects [" + n + ", " + flatSize()
                    + "] output gradients for the last training batch, got " + Arrays.toString(dOut.shape()));
        }
        return kernels.backward(dOut.dataType() == type ? dOut : dOut.castTo(type), inputGradient);
    }

    /** Drops what the last forward pass kept for backward. */
    public void clearCache() {
        kernels.clearCache();
    }

    // The two kernels' patch rows, for the tests that hold them to each other.

    /** The host kernels' 3x3 patch rows of float32 input: rows (n, y, x), columns (kh, kw, in). */
    INDArray patchRows(INDArray input) {
        return new HostPatchRows(inChannels, inHeight, inWidth).rows(input);
    }

    /** The same rows through ND4J's im2col, in the block's type. */
    INDArray patchRowsNd4j(INDArray input) {
        return new Nd4jConvKernels(this).patchRows(input);
    }

    /** The adjoint of {@link #patchRows} (col2im) on the host: each patch-row gradient added back onto its input. */
    INDArray patchRowsAdjoint(INDArray dCols, int n) {
        return new HostPatchRows(inChannels, inHeight, inWidth).adjoint(dCols, n);
    }
}
