package io.joulebench.algorithms.local;

import io.joulebench.algorithms.data.ImageShape;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

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
 * <p>Two implementations of everything but the gemms: float32 blocks run host kernels (one fused pass for ReLU,
 * pooling and BatchNorm, one for their backward; several times faster than chains of ND4J element-wise ops), other
 * types run ND4J ops. The ND4J path is the reference: the double-precision gradient checks run it, and tests hold the
 * host path equal to it in float32.
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

    /** True: host kernels (float32 only); false: ND4J ops. */
    private final boolean host;

    private HostCache hostCache;
    private Nd4jCache nd4jCache;

    /**
     * Host buffers, reused across batches (fresh arrays per batch grew the heap by gigabytes of garbage on a full-size
     * run). Training-mode values kept for backward have slots of their own. An inference pass drops what a training
     * pass kept (backward then fails loudly rather than mixing passes). A block is used by one thread at a time.
     */
    private enum Slot { INPUT, PATCHES, PRE_ACTIVATION, POOLED, OUTPUT, NORMALISED, OUTPUT_GRADIENT, PRE_GRADIENT,
        PATCH_GRADIENT, INPUT_GRADIENT }

    /** Flag on a pooling winner whose maximum was not positive: ReLU passes no gradient to it. */
    private static final int NO_GRADIENT = 4;

    private final float[][] buffers = new float[Slot.values().length][];
    private byte[] winnerBuffer;

    /**
     * Scratch slots (every slot but what a training pass keeps for backward: its INPUT and NORMALISED values),
     * shared by all blocks on a thread: a pass fills what it reads of them before reading it and is done with
     * them when it returns, so a stack of T blocks needs one set, not T (NoProp's ten denoising blocks of three conv
     * blocks each held about 200 MB of them on full Fashion-MNIST; docs/benchmarks.md, "Memory").
     */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new float[Slot.values().length][]);

    /** This block's own buffer for a slot whose values a training pass keeps for backward. */
    private float[] buffer(Slot slot, int size) {
        return grown(buffers, slot, size);
    }

    /** The thread's shared buffer for a slot no pass keeps beyond its own call. */
    private static float[] scratch(Slot slot, int size) {
        return grown(SCRATCH.get(), slot, size);
    }

    private static float[] grown(float[][] slots, Slot slot, int size) {
        float[] b = slots[slot.ordinal()];
        if (b == null || b.length < size) {
            b = new float[size];
            slots[slot.ordinal()] = b;
        }
        return b;
    }

    /** What the last training-mode host forward pass keeps for backward. */
    private record HostCache(int n, float[] input, byte[] winners, float[] normalised, float[] invStd) {
    }

    /** What the last training-mode ND4J forward pass keeps for backward. */
    private record Nd4jCache(int n, INDArray cols, INDArray preActivation, INDArray[] poolMasks, INDArray normalised,
                             INDArray invStd) {
    }

    /** Gradients of one block's parameters, in {@link #parameters()} order, and (when asked for) of its input. */
    public record Gradients(INDArray weight, INDArray gamma, INDArray beta, INDArray input) {
        public List<INDArray> asList() {
            return List.of(weight, gamma, beta);
        }
    }

    public ConvBlock(int inChannels, int outChannels, int inHeight, int inWidth, DataType type, SplittableRandom rng) {
        this(inChannels, outChannels, inHeight, inWidth, type, rng, type == DataType.FLOAT);
    }

    private ConvBlock(int inChannels, int outChannels, int inHeight, int inWidth, DataType type, SplittableRandom rng,
                      boolean host) {
        if (inHeight < 2 || inWidth < 2) {
            throw new IllegalArgumentException("a CaFo block needs at least 2x2 input to pool, got " + inHeight + "x"
                    + inWidth + " (too many blocks for this image size)");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.type = type;
        this.host = host;
        // The study's explicit Kaiming-uniform for ReLU, U(+-sqrt(6/fan_in)) with fan_in = in * 3 * 3 (not Conv2d's
        // default 1/sqrt(fan_in)), drawn in PyTorch's (out, in, kh, kw) order, then stored with the input channel
        // last.
        this.weight = SeededInit.kaimingUniformRelu(type, inChannels * 9L, rng, outChannels, inChannels, 3, 3)
                .permute(0, 2, 3, 1).dup('c').reshape(outChannels, 9L * inChannels).dup('c'); // whole, not a view
        this.gamma = Nd4j.ones(type, outChannels);
        this.beta = Nd4j.zeros(type, outChannels);
        this.runningMean = Nd4j.zeros(type, outChannels);
        this.runningVar = Nd4j.ones(type, outChannels);
    }

    /** A block on ND4J ops whatever its type: the reference the host kernels are tested against. */
    static ConvBlock reference(int inChannels, int outChannels, int inHeight, int inWidth, DataType type,
                               SplittableRandom rng) {
        return new ConvBlock(inChannels, outChannels, inHeight, inWidth, type, rng, false);
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
        INDArray input = x.dataType() == type ? x : x.castTo(type);
        return host ? forwardHost(input, train) : forwardNd4j(input, train);
    }

    /**
     * Gradients of {@code sum over samples of <dOut_i, output_i>} for the last training-mode forward pass
     * (BatchNorm's batch statistics included): with respect to the parameters, and with {@code inputGradient} also
     * to the input (in the input's layout).
     */
    public Gradients backward(INDArray dOut, boolean inputGradient) {
        if (hostCache == null && nd4jCache == null) {
            throw new IllegalStateException("backward needs a preceding training-mode forward pass");
        }
        int n = hostCache != null ? hostCache.n() : nd4jCache.n();
        if (dOut.rank() != 2 || dOut.rows() != n || dOut.columns() != flatSize()) {
            throw new IllegalArgumentException("block backward expects [" + n + ", " + flatSize()
                    + "] output gradients for the last training batch, got " + Arrays.toString(dOut.shape()));
        }
        INDArray dy = dOut.dataType() == type ? dOut : dOut.castTo(type);
        return host ? backwardHost(dy, inputGradient) : backwardNd4j(dy, inputGradient);
    }

    /** Drops what the last forward pass kept for backward. */
    public void clearCache() {
        hostCache = null;
        nd4jCache = null;
    }

    // ---- host kernels (float32) ----

    private INDArray forwardHost(INDArray input, boolean train) {
        int n = (int) input.size(0);
        int c = outChannels;
        int pixels = inHeight * inWidth;
        int pooledPerSample = flatSize();
        int chunk = chunkSamples(n);
        // Only a training pass keeps its input (for backward): an inference pass reads it from scratch.
        float[] src = Steps.hostFloats(input, train ? buffer(Slot.INPUT, n * inputSize())
                : scratch(Slot.INPUT, n * inputSize()));
        INDArray cols = Nd4j.createUninitialized(type, (long) chunk * pixels, 9L * inChannels);
        INDArray zChunk = Nd4j.createUninitialized(type, (long) chunk * pixels, c);
        FloatBuffer preActivations = zChunk.data().asNioFloat();
        float[] pre = scratch(Slot.PRE_ACTIVATION, pixels * c);
        float[] pooled = scratch(Slot.POOLED, n * pooledPerSample);
        byte[] winners = null;
        if (train) {
            if (winnerBuffer == null || winnerBuffer.length < n * pooledPerSample) {
                winnerBuffer = new byte[n * pooledPerSample];
            }
            winners = winnerBuffer;
        }
        BatchMoments moments = train ? new BatchMoments(c) : null;
        // A chunk of samples at a time, so that its patch rows and pre-activations are still in cache when the gemm
        // and then ReLU and pooling read them (over the whole batch, each went through memory and back). Backward
        // builds the patch rows again rather than keeping them: that costs less than the round trip.
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            writePatchRows(src, first, count, cols);
            INDArray z = rowRange(zChunk, 0, count * pixels);
            Gemm.gemm(rowRange(cols, 0, count * pixels), weight, z, false, true, 1.0, 0.0);   // cols W^T
            for (int i = 0; i < count; i++) {
                int o = (first + i) * pooledPerSample;
                preActivations.get(i * pixels * c, pre, 0, pixels * c);
                reluMaxPool(pre, pooled, o, winners);
                if (train) {
                    moments.add(pooled, o, pooledPerSample / c);
                }
            }
        }

        float[] mean = new float[c];
        float[] invStd = new float[c];
        if (train) {
            batchStatistics(moments, mean, invStd);
        } else {
            float[] rm = Steps.hostFloats(runningMean);
            float[] rv = Steps.hostFloats(runningVar);
            for (int ch = 0; ch < c; ch++) {
                mean[ch] = rm[ch];
                invStd[ch] = (float) (1 / Math.sqrt(rv[ch] + BN_EPS));
            }
        }
        float[] g = Steps.hostFloats(gamma);
        float[] b = Steps.hostFloats(beta);
        int pooledRows = n * outHeight() * outWidth();
        float[] out = scratch(Slot.OUTPUT, pooledRows * c);
        float[] normalised = train ? buffer(Slot.NORMALISED, pooledRows * c) : null;
        for (int r = 0; r < pooledRows; r++) {
            int row = r * c;
            if (normalised == null) {
                for (int ch = 0; ch < c; ch++) {
                    out[row + ch] = (pooled[row + ch] - mean[ch]) * invStd[ch] * g[ch] + b[ch];
                }
                continue;
            }
            for (int ch = 0; ch < c; ch++) {
                float xhat = (pooled[row + ch] - mean[ch]) * invStd[ch];
                out[row + ch] = xhat * g[ch] + b[ch];
                normalised[row + ch] = xhat;
            }
        }
        hostCache = train ? new HostCache(n, src, winners, normalised, invStd) : null;
        return Steps.rows(out, n, flatSize());
    }

    /**
     * Samples per chunk of the host passes: about 1 MiB of patch rows (4 samples of the study's 2nd and 3rd blocks,
     * 37 of its first), which measured as fast in the gemms as the whole batch and keeps the chunk in cache.
     */
    private int chunkSamples(int n) {
        int patchValues = inHeight * inWidth * 9 * inChannels;
        return Math.max(1, Math.min(n, (1 << 18) / patchValues));
    }

    /** Rows {@code [from, from + count)} of a matrix, as a view (the gemm reads it in place). */
    private static INDArray rowRange(INDArray m, int from, int count) {
        return from == 0 && count == m.rows() ? m : m.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all());
    }

    /**
     * ReLU then 2x2 max-pool (stride 2, floor mode) of one sample's pre-activations {@code pre} (rows (y, x),
     * columns out) into {@code pooled} from index {@code o}: the max of the window, then ReLU (the two commute). With
     * {@code winners} also records per output the window position (0-3, row-major) that gets the gradient: the first
     * maximal one (as PyTorch's max-pool routes it on ties), flagged {@link #NO_GRADIENT} where the maximum is not
     * positive (ReLU's derivative is 0 there).
     */
    private void reluMaxPool(float[] pre, float[] pooled, int o, byte[] winners) {
        int c = outChannels;
        int rowStride = inWidth * c;
        for (int oy = 0; oy < outHeight(); oy++) {
            for (int ox = 0; ox < outWidth(); ox++) {
                int t0 = (2 * oy * inWidth + 2 * ox) * c;  // window position (0, 0)
                int t2 = t0 + rowStride;
                if (winners == null) {
                    for (int ch = 0; ch < c; ch++, o++) {
                        float max = Math.max(Math.max(pre[t0 + ch], pre[t0 + c + ch]),
                                Math.max(pre[t2 + ch], pre[t2 + c + ch]));
                        pooled[o] = Math.max(max, 0f);
                    }
                    continue;
                }
                for (int ch = 0; ch < c; ch++, o++) {
                    float v0 = pre[t0 + ch];
                    float v1 = pre[t0 + c + ch];
                    float v2 = pre[t2 + ch];
                    float v3 = pre[t2 + c + ch];
                    float top = Math.max(v0, v1);
                    float bottom = Math.max(v2, v3);
                    float relu = Math.max(Math.max(top, bottom), 0f);
                    pooled[o] = relu;
                    // The first maximum without branches (random data made them mispredict: 5x slower).
                    // The sign of a - b says a < b exactly (it is 0 only for a == b), except -0 - +0; the
                    // winners of such ties are never positive, so they get no gradient whichever wins.
                    int bottomWins = Float.floatToRawIntBits(top - bottom) >>> 31;
                    int oneWins = Float.floatToRawIntBits(v0 - v1) >>> 31;
                    int threeWins = Float.floatToRawIntBits(v2 - v3) >>> 31;
                    int k = (bottomWins << 1) | (bottomWins & threeWins) | ((bottomWins ^ 1) & oneWins);
                    // relu >= +0, so its bits are 0 exactly when it is zero: the flag without a branch.
                    int noGradient = (Float.floatToRawIntBits(relu) - 1) >>> 31;
                    winners[o] = (byte) (k | noGradient << 2);
                }
            }
        }
    }

    /**
     * Per-channel count, mean and sum of squared deviations of the pooled values, gathered a sample at a time
     * (two passes over the sample while it is in cache) and merged with Chan et al.'s pairwise update, in double:
     * as accurate as two passes over the batch, without a second trip through memory.
     */
    private static final class BatchMoments {
        final double[] mean;
        final double[] squares;
        final float[] sampleMean;
        final float[] sampleSquares;
        long count;

        BatchMoments(int channels) {
            mean = new double[channels];
            squares = new double[channels];
            sampleMean = new float[channels];
            sampleSquares = new float[channels];
        }

        /** Adds {@code rows} rows of {@code values} from {@code from}, one column per channel. */
        void add(float[] values, int from, int rows) {
            int c = mean.length;
            Arrays.fill(sampleMean, 0f);
            Arrays.fill(sampleSquares, 0f);
            for (int r = 0, o = from; r < rows; r++) {
                for (int ch = 0; ch < c; ch++, o++) {
                    sampleMean[ch] += values[o];
                }
            }
            for (int ch = 0; ch < c; ch++) {
                sampleMean[ch] /= rows;
            }
            for (int r = 0, o = from; r < rows; r++) {
                for (int ch = 0; ch < c; ch++, o++) {
                    float d = values[o] - sampleMean[ch];
                    sampleSquares[ch] += d * d;
                }
            }
            long merged = count + rows;
            for (int ch = 0; ch < c; ch++) {
                double delta = sampleMean[ch] - mean[ch];
                mean[ch] += delta * rows / merged;
                squares[ch] += sampleSquares[ch] + delta * delta * count * rows / merged;
            }
            count = merged;
        }
    }

    /** Batch mean and 1/sqrt(biased variance + eps) per channel; updates the running statistics. */
    private void batchStatistics(BatchMoments moments, float[] mean, float[] invStd) {
        float[] rm = Steps.hostFloats(runningMean);
        float[] rv = Steps.hostFloats(runningVar);
        long rows = moments.count;
        for (int ch = 0; ch < outChannels; ch++) {
            double var = moments.squares[ch] / rows;
            mean[ch] = (float) moments.mean[ch];
            invStd[ch] = (float) (1 / Math.sqrt(var + BN_EPS));
            rm[ch] = (float) ((1 - BN_MOMENTUM) * rm[ch] + BN_MOMENTUM * moments.mean[ch]);
            rv[ch] = (float) ((1 - BN_MOMENTUM) * rv[ch] + BN_MOMENTUM * var * rows / Math.max(1, rows - 1));
        }
        runningMean.assign(Nd4j.createFromArray(rm));
        runningVar.assign(Nd4j.createFromArray(rv));
    }

    private Gradients backwardHost(INDArray dOut, boolean inputGradient) {
        HostCache cache = hostCache;
        int n = cache.n();
        int c = outChannels;
        int pooledRows = n * outHeight() * outWidth();
        float[] dy = Steps.hostFloats(dOut, scratch(Slot.OUTPUT_GRADIENT, pooledRows * c));
        float[] xhat = cache.normalised();
        // BatchNorm with batch statistics: dp = gamma invStd (dy - mean(dy) - xhat mean(dy xhat)); the two sums
        // are also beta's and gamma's gradients.
        double[] sumDy = new double[c];
        double[] sumDyXhat = new double[c];
        for (int r = 0, o = 0; r < pooledRows; r++) {
            for (int ch = 0; ch < c; ch++, o++) {
                sumDy[ch] += dy[o];
                sumDyXhat[ch] += (double) dy[o] * xhat[o];
            }
        }
        float[] g = Steps.hostFloats(gamma);
        float[] scale = new float[c];
        float[] meanDy = new float[c];
        float[] meanDyXhat = new float[c];
        float[] dGamma = new float[c];
        float[] dBeta = new float[c];
        for (int ch = 0; ch < c; ch++) {
            scale[ch] = g[ch] * cache.invStd()[ch];
            meanDy[ch] = (float) (sumDy[ch] / pooledRows);
            meanDyXhat[ch] = (float) (sumDyXhat[ch] / pooledRows);
            dGamma[ch] = (float) sumDyXhat[ch];
            dBeta[ch] = (float) sumDy[ch];
        }
        // The rest a chunk of samples at a time, everything a chunk needs staying in cache: pooling and ReLU
        // backward, each sample's pre-activation gradients built in a Java buffer (each pooled gradient goes to its
        // window's winner, if any; the rest is zero) and copied in bulk into the gemms' operand; the chunk's patch
        // rows built again; its share of the weight gradient; its patch gradients, added back onto the input.
        int pixels = inHeight * inWidth;
        int prePerSample = pixels * c;
        int chunk = chunkSamples(n);
        INDArray dzChunk = Nd4j.createUninitialized(type, (long) chunk * pixels, c);
        INDArray colsChunk = Nd4j.createUninitialized(type, (long) chunk * pixels, 9L * inChannels);
        INDArray dWeight = Nd4j.createUninitialized(type, outChannels, 9L * inChannels);
        FloatBuffer preGradients = dzChunk.data().asNioFloat();
        float[] dPre = scratch(Slot.PRE_GRADIENT, prePerSample);
        INDArray dColsChunk = inputGradient ? Nd4j.createUninitialized(type, (long) chunk * pixels, 9L * inChannels)
                : null;
        float[] dInput = inputGradient ? scratch(Slot.INPUT_GRADIENT, n * inputSize()) : null;
        if (inputGradient) {
            Arrays.fill(dInput, 0, n * inputSize(), 0f);
        }
        byte[] winners = cache.winners();
        int rowStride = inWidth * c;
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            for (int i = first; i < first + count; i++) {
                Arrays.fill(dPre, 0, prePerSample, 0f);
                for (int oy = 0, o = i * flatSize(); oy < outHeight(); oy++) {
                    for (int ox = 0; ox < outWidth(); ox++, o += c) {
                        int t0 = (2 * oy * inWidth + 2 * ox) * c;
                        for (int ch = 0; ch < c; ch++) {
                            int k = winners[o + ch];
                            float dp = scale[ch] * (dy[o + ch] - meanDy[ch] - xhat[o + ch] * meanDyXhat[ch]);
                            // Branch-free: a flagged winner gets an explicit zero (dPre is zero already).
                            dPre[t0 + ((k >> 1) & 1) * rowStride + (k & 1) * c + ch] =
                                    (k & NO_GRADIENT) == 0 ? dp : 0f;
                        }
                    }
                }
                preGradients.put((i - first) * prePerSample, dPre, 0, prePerSample);
            }
            INDArray dz = rowRange(dzChunk, 0, count * pixels);
            writePatchRows(cache.input(), first, count, colsChunk);
            Gemm.gemm(dz, rowRange(colsChunk, 0, count * pixels), dWeight, true, false, 1.0,        // += dz^T cols
                    first == 0 ? 0.0 : 1.0);
            if (inputGradient) {
                INDArray dCols = rowRange(dColsChunk, 0, count * pixels);
                Gemm.gemm(dz, weight, dCols, false, false, 1.0, 0.0);                               // dz W
                addPatchGradients(dColsChunk.data().asNioFloat(), first, count, dInput);
            }
        }
        return new Gradients(dWeight, Nd4j.createFromArray(dGamma), Nd4j.createFromArray(dBeta),
                inputGradient ? Steps.rows(dInput, n, inputSize()) : null);
    }

    /** The 3x3 patches of the whole input, as {@link #writePatchRows} lays them out. */
    INDArray patchRows(INDArray input) {
        int n = (int) input.size(0);
        float[] src = Steps.hostFloats(input); // not the INPUT buffer: a training pass's backward may still need it
        INDArray cols = Nd4j.createUninitialized(DataType.FLOAT, (long) n * inHeight * inWidth, 9L * inChannels);
        writePatchRows(src, 0, n, cols);
        return cols;
    }

    /**
     * Writes the 3x3 patches (stride 1, zero padding 1) of samples {@code [first, first + count)} of {@code src}
     * (NHWC rows) into {@code cols} from its first row: rows (n, y, x), columns (kh, kw, in), the weight rows' order.
     * With channels last, each kernel row of a patch is one contiguous run of the input (three pixels of all
     * channels), so a patch is three copies plus zeros at the borders.
     */
    private void writePatchRows(float[] src, int first, int count, INDArray cols) {
        int c = inChannels;
        int perSample = inHeight * inWidth * 9 * c;
        FloatBuffer target = cols.data().asNioFloat();
        // Runs of 32 values or more go straight into the matrix; shorter ones (the first block's 1 or 3 channels)
        // are gathered in a Java buffer first, as a bulk copy per run would cost more than the run.
        boolean direct = 3 * c >= 32;
        float[] rows = direct ? null : scratch(Slot.PATCHES, perSample);
        float[] zeros = direct ? new float[3 * c] : null;
        for (int i = first; i < first + count; i++) {
            int sample = i * inputSize();
            int base = (i - first) * perSample;
            int d = 0;
            for (int y = 0; y < inHeight; y++) {
                for (int x = 0; x < inWidth; x++) {
                    for (int sy = y - 1; sy <= y + 1; sy++, d += 3 * c) {
                        // Pixels x-1..x+1 of source row sy, clipped to the image; the clipped ones are zero (a
                        // row outside the image: no pixels, all zeros).
                        boolean outside = sy < 0 || sy >= inHeight;
                        int left = outside ? x + 2 : Math.max(x - 1, 0);
                        int right = Math.min(x + 1, inWidth - 1);
                        int to = d + (left - (x - 1)) * c;
                        int from = outside ? 0 : sample + (sy * inWidth + left) * c;
                        int length = outside ? 0 : (right - left + 1) * c;
                        int zerosBefore = to - d;
                        int zerosAfter = 3 * c - zerosBefore - length;
                        if (direct) {
                            target.put(base + d, zeros, 0, zerosBefore);
                            target.put(base + to, src, from, length);
                            target.put(base + to + length, zeros, 0, zerosAfter);
                            continue;
                        }
                        Arrays.fill(rows, d, to, 0f);
                        for (int k = 0; k < length; k++) {
                            rows[to + k] = src[from + k];
                        }
                        Arrays.fill(rows, to + length, d + 3 * c, 0f);
                    }
                }
            }
            if (!direct) {
                target.put(base, rows, 0, perSample);
            }
        }
    }

    /**
     * The adjoint of {@link #patchRows} (col2im): adds each patch-row gradient back onto the input positions it was
     * read from, in the input's layout.
     */
    INDArray patchRowsAdjoint(INDArray dCols, int n) {
        INDArray whole = dCols.isView() || dCols.ordering() != 'c' ? dCols.dup('c') : dCols;
        float[] dst = new float[n * inputSize()];
        addPatchGradients(whole.data().asNioFloat(), 0, n, dst);
        return Steps.rows(dst, n, inputSize());
    }

    /**
     * Adds the patch-row gradients of samples {@code [first, first + count)}, which {@code source} holds from its
     * start, onto those samples' rows of {@code dst} (the input's layout). Reads a sample at a time.
     */
    private void addPatchGradients(FloatBuffer source, int first, int count, float[] dst) {
        int c = inChannels;
        int perSample = inHeight * inWidth * 9 * c;
        float[] rows = scratch(Slot.PATCH_GRADIENT, perSample);
        for (int i = first; i < first + count; i++) {
            source.get((i - first) * perSample, rows, 0, perSample);
            int sample = i * inputSize();
            int s = 0;
            for (int y = 0; y < inHeight; y++) {
                for (int x = 0; x < inWidth; x++) {
                    for (int sy = y - 1; sy <= y + 1; sy++, s += 3 * c) {
                        if (sy < 0 || sy >= inHeight) {
                            continue;
                        }
                        int left = Math.max(x - 1, 0);
                        int right = Math.min(x + 1, inWidth - 1);
                        int from = s + (left - (x - 1)) * c;
                        int to = sample + (sy * inWidth + left) * c;
                        for (int k = 0, length = (right - left + 1) * c; k < length; k++) {
                            dst[to + k] += rows[from + k];
                        }
                    }
                }
            }
        }
    }

    // ---- ND4J reference path (any data type) ----

    private INDArray forwardNd4j(INDArray input, boolean train) {
        int n = (int) input.size(0);
        INDArray cols = patchRowsNd4j(input);
        INDArray z = Nd4j.createUninitialized(type, cols.rows(), outChannels);
        Gemm.gemm(cols, weight, z, false, true, 1.0, 0.0);                  // cols W^T
        INDArray a = Transforms.relu(z, true);
        Pooled pooled = maxPoolNd4j(a, n, train);
        INDArray p = pooled.values();

        INDArray mean;
        INDArray invStd;
        if (train) {
            mean = columnMeans(p);
            INDArray centred = p.subRowVector(mean);
            INDArray var = columnMeans(centred.mul(centred));
            invStd = Transforms.pow(var.add(BN_EPS), -0.5, false);
            long m = p.size(0);
            runningMean.muli(1 - BN_MOMENTUM).addi(mean.mul(BN_MOMENTUM));
            runningVar.muli(1 - BN_MOMENTUM).addi(var.mul(BN_MOMENTUM * m / Math.max(1, m - 1)));
        } else {
            mean = runningMean;
            invStd = Transforms.pow(runningVar.add(BN_EPS), -0.5, false);
        }
        INDArray normalised = p.subRowVector(mean).muliRowVector(invStd);
        INDArray y = normalised.mulRowVector(gamma).addiRowVector(beta);
        nd4jCache = train ? new Nd4jCache(n, cols, z, pooled.masks(), normalised, invStd) : null;
        return y.reshape(n, flatSize());
    }

    /** 2x2 max-pool output {@code [n*oh*ow, out]} and, in training, one mask per window position. */
    private record Pooled(INDArray values, INDArray[] masks) {
    }

    /** 2x2 max-pool (stride 2, floor) of the ReLU output {@code a} with ND4J maxima over strided views. */
    private Pooled maxPoolNd4j(INDArray a, int n, boolean train) {
        int oh = outHeight();
        int ow = outWidth();
        INDArray a4 = a.reshape(n, inHeight, inWidth, outChannels);
        if (inHeight != 2 * oh || inWidth != 2 * ow) {
            // Floor mode: the last odd row/column takes no part in pooling.
            a4 = a4.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * oh), NDArrayIndex.interval(0, 2 * ow),
                    NDArrayIndex.all()).dup('c');
        }
        INDArray a5 = a4.reshape((long) n * oh, 2, ow, 2, outChannels);
        INDArray[] window = new INDArray[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                window[2 * i + j] = a5.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.all(),
                        NDArrayIndex.point(j), NDArrayIndex.all());
            }
        }
        INDArray pooled = Transforms.max(Transforms.max(window[0], window[1], true),
                Transforms.max(window[2], window[3], true), false);
        INDArray[] masks = new INDArray[4];
        if (train) {
            // The first maximal position of a window gets the gradient (as PyTorch's max-pool does on ties).
            INDArray taken = Nd4j.zeros(type, pooled.shape());
            for (int k = 0; k < 4; k++) {
                INDArray m = window[k].eq(pooled).castTo(type).muli(taken.rsub(1.0));
                taken.addi(m);
                masks[k] = m;
            }
        }
        return new Pooled(pooled.reshape((long) n * oh * ow, outChannels), masks);
    }

    /** The same rows as {@link #patchRows}, through ND4J's im2col (which wants NCHW input). */
    INDArray patchRowsNd4j(INDArray input) {
        int n = (int) input.size(0);
        INDArray nchw = input.reshape(n, inHeight, inWidth, inChannels).permute(0, 3, 1, 2).dup('c');
        // [n, in, 3, 3, h, w] -> rows (n, h, w), columns (kh, kw, in). The output array fixes the data type (im2col
        // would otherwise allocate in ND4J's default type).
        INDArray patches = Nd4j.create(type, n, inChannels, 3, 3, inHeight, inWidth);
        return Convolution.im2col(nchw, 3, 3, 1, 1, 1, 1, false, patches)
                .permute(0, 4, 5, 2, 3, 1).dup('c').reshape((long) n * inHeight * inWidth, inChannels * 9L);
    }

    private Gradients backwardNd4j(INDArray dOut, boolean inputGradient) {
        Nd4jCache c = nd4jCache;
        int n = c.n();
        int oh = outHeight();
        int ow = outWidth();
        INDArray dy = dOut.reshape((long) n * oh * ow, outChannels);
        INDArray dBeta = columnTotals(dy);
        INDArray dGamma = columnTotals(dy.mul(c.normalised()));
        // BatchNorm (batch statistics): dp = invStd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)).
        INDArray dxhat = dy.mulRowVector(gamma);
        INDArray meanDxhat = columnMeans(dxhat);
        INDArray meanDxhatXhat = columnMeans(dxhat.mul(c.normalised()));
        INDArray dp = dxhat.subRowVector(meanDxhat)
                .subi(c.normalised().mulRowVector(meanDxhatXhat))
                .muliRowVector(c.invStd());

        INDArray dp3 = dp.reshape((long) n * oh, ow, outChannels);
        INDArray da5 = Nd4j.zeros(type, (long) n * oh, 2, ow, 2, outChannels);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                da5.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(j),
                        NDArrayIndex.all()).assign(dp3.mul(c.poolMasks()[2 * i + j]));
            }
        }
        INDArray da;
        if (inHeight != 2 * oh || inWidth != 2 * ow) {
            da = Nd4j.zeros(type, n, inHeight, inWidth, outChannels);
            da.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * oh), NDArrayIndex.interval(0, 2 * ow),
                    NDArrayIndex.all()).assign(da5.reshape(n, 2 * oh, 2 * ow, outChannels));
        } else {
            da = da5;
        }
        INDArray dz = Steps.reluBackward(da.reshape((long) n * inHeight * inWidth, outChannels), c.preActivation());
        INDArray dWeight = Nd4j.createUninitialized(type, outChannels, c.cols().columns());
        Gemm.gemm(dz, c.cols(), dWeight, true, false, 1.0, 0.0);                // dz^T cols
        INDArray dInput = null;
        if (inputGradient) {
            // Patch gradients [n, h, w, 3, 3, in], each tap added onto its shifted window of the zero-padded input.
            INDArray dCols = dz.mmul(weight).reshape(n, inHeight, inWidth, 3, 3, inChannels);
            INDArray padded = Nd4j.zeros(type, n, inHeight + 2, inWidth + 2, inChannels);
            for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 3; kx++) {
                    padded.get(NDArrayIndex.all(), NDArrayIndex.interval(ky, ky + inHeight),
                            NDArrayIndex.interval(kx, kx + inWidth), NDArrayIndex.all())
                            .addi(dCols.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                                    NDArrayIndex.point(ky), NDArrayIndex.point(kx), NDArrayIndex.all()));
                }
            }
            INDArrayIndex rows = NDArrayIndex.interval(1, inHeight + 1);
            INDArrayIndex cols = NDArrayIndex.interval(1, inWidth + 1);
            dInput = padded.get(NDArrayIndex.all(), rows, cols, NDArrayIndex.all()).dup('c')
                    .reshape(n, (long) inHeight * inWidth * inChannels);
        }
        return new Gradients(dWeight, dGamma, dBeta, dInput);
    }

    /**
     * Per-channel sums over the rows of {@code [rows, out]}, shaped like gamma: gemm-based column sums, several
     * times faster than ND4J's {@code sum(0)} reduction here.
     */
    private INDArray columnTotals(INDArray m) {
        return Steps.columnSums(m).reshape(outChannels).dup();
    }

    private INDArray columnMeans(INDArray m) {
        return columnTotals(m).divi(m.rows());
    }
}
