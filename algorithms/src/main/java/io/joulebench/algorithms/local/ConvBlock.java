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
 * <p>Layout: inside the block, activations are matrices with one row per (sample, row, column) and one column
 * per channel (NHWC), which makes ReLU and BatchNorm column-wise. The flattened block output is therefore in
 * (row, column, channel) order per sample; {@link #toNchw} turns it into the next block's NCHW input, and the input
 * gradient comes back in the previous block's flattened order. The order of the flattened features is irrelevant to
 * a linear map on top (a fixed permutation of its inputs).
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

    /** Conv weights [out, in*3*3], in PyTorch's (in, kh, kw) order per row. */
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
     * run). Training-mode values kept for backward have their own slots, so an inference pass in between leaves them
     * alone. A block is used by one thread at a time.
     */
    private enum Slot { INPUT, PATCHES, PRE_ACTIVATION, POOLED, OUTPUT, NORMALISED, OUTPUT_GRADIENT, PRE_GRADIENT,
        PATCH_GRADIENT, INPUT_GRADIENT_NCHW,
        INPUT_GRADIENT }

    /** Flag on a pooling winner whose maximum was not positive: ReLU passes no gradient to it. */
    private static final int NO_GRADIENT = 4;

    private final float[][] buffers = new float[Slot.values().length][];
    private byte[] winnerBuffer;

    private float[] buffer(Slot slot, int size) {
        float[] b = buffers[slot.ordinal()];
        if (b == null || b.length < size) {
            b = new float[size];
            buffers[slot.ordinal()] = b;
        }
        return b;
    }

    /** What the last training-mode host forward pass keeps for backward. */
    private record HostCache(int n, INDArray cols, byte[] winners, float[] normalised, float[] invStd) {
    }

    /** What the last training-mode ND4J forward pass keeps for backward. */
    private record Nd4jCache(int n, INDArray cols, INDArray preActivation, INDArray[] poolMasks, INDArray normalised,
                             INDArray invStd) {
    }

    /**
     * Gradients of one block's parameters, in {@link #parameters()} order, and (when asked for) of its input, in the
     * previous block's flattened (row, column, channel) order {@code [n, inHeight*inWidth*inChannels]}; else null.
     */
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
        // PyTorch Conv2d default: Kaiming-uniform with a = sqrt 5, i.e. U(+-1/sqrt(fan_in)), fan_in = in * 3 * 3.
        this.weight = SeededInit.pytorchDefault(type, inChannels * 9L, rng, outChannels, inChannels * 9L);
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

    /** A batch of images as the first block's NCHW input. */
    public static INDArray images(float[] features, int n, ImageShape shape, DataType type) {
        return Nd4j.create(features, new long[] {n, shape.channels(), shape.height(), shape.width()}, type);
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
     * Runs the block on NCHW input {@code [n, in, h, w]}; returns the flattened output {@code [n, flatSize]}.
     * In training mode BatchNorm uses the batch statistics and updates its running ones, and the block keeps what
     * {@link #backward} needs; otherwise BatchNorm uses the running statistics.
     */
    public INDArray forward(INDArray x, boolean train) {
        if (x.rank() != 4 || x.size(1) != inChannels || x.size(2) != inHeight || x.size(3) != inWidth) {
            throw new IllegalArgumentException("block expects [n, " + inChannels + ", " + inHeight + ", " + inWidth
                    + "] input, got " + Arrays.toString(x.shape()));
        }
        INDArray input = x.dataType() == type ? x : x.castTo(type);
        return host ? forwardHost(input, train) : forwardNd4j(input, train);
    }

    /**
     * Gradients of {@code sum over samples of <dOut_i, output_i>} for the last training-mode forward pass
     * (BatchNorm's batch statistics included): with respect to the parameters, and with {@code inputGradient} also
     * to the input.
     */
    public Gradients backward(INDArray dOut, boolean inputGradient) {
        if (hostCache == null && nd4jCache == null) {
            throw new IllegalStateException("backward needs a preceding training-mode forward pass");
        }
        INDArray dy = dOut.dataType() == type ? dOut : dOut.castTo(type);
        return host ? backwardHost(dy, inputGradient) : backwardNd4j(dy, inputGradient);
    }

    /** Drops what the last forward pass kept for backward. */
    public void clearCache() {
        hostCache = null;
        nd4jCache = null;
    }

    /** Turns a flattened block output {@code [n, oh*ow*out]} into the next block's NCHW input. */
    public INDArray toNchw(INDArray flat) {
        return flat.reshape(flat.size(0), outHeight(), outWidth(), outChannels).permute(0, 3, 1, 2).dup('c');
    }

    // ---- host kernels (float32) ----

    private INDArray forwardHost(INDArray input, boolean train) {
        int n = (int) input.size(0);
        int c = outChannels;
        int pooledRows = n * outHeight() * outWidth();
        INDArray cols = patchColumns(input);
        INDArray z = Nd4j.createUninitialized(type, cols.columns(), c);
        Nd4j.gemm(cols, weight, z, true, true, 1.0, 0.0);                   // cols^T W^T
        float[] pre = Steps.hostFloats(z, buffer(Slot.PRE_ACTIVATION, (int) z.length()));
        float[] pooled = buffer(Slot.POOLED, pooledRows * c);
        byte[] winners = null;
        if (train) {
            if (winnerBuffer == null || winnerBuffer.length < pooledRows * c) {
                winnerBuffer = new byte[pooledRows * c];
            }
            winners = winnerBuffer;
        }
        reluMaxPool(pre, n, pooled, winners);

        float[] mean = new float[c];
        float[] invStd = new float[c];
        if (train) {
            batchStatistics(pooled, pooledRows, mean, invStd);
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
        float[] out = buffer(Slot.OUTPUT, pooledRows * c);
        float[] normalised = train ? buffer(Slot.NORMALISED, pooledRows * c) : null;
        for (int r = 0, o = 0; r < pooledRows; r++) {
            for (int ch = 0; ch < c; ch++, o++) {
                float xhat = (pooled[o] - mean[ch]) * invStd[ch];
                out[o] = xhat * g[ch] + b[ch];
                if (normalised != null) {
                    normalised[o] = xhat;
                }
            }
        }
        hostCache = train ? new HostCache(n, cols, winners, normalised, invStd) : null;
        return Steps.rows(out, n, flatSize());
    }

    /**
     * ReLU then 2x2 max-pool (stride 2, floor mode) of the pre-activations {@code pre} (rows (n, y, x), columns
     * out) into {@code pooled}: the max of the window, then ReLU (the two commute). With {@code winners} also records
     * per output the window position (0-3, row-major) that gets the gradient: the first maximal one (as PyTorch's
     * max-pool routes it on ties), flagged {@link #NO_GRADIENT} where the maximum is not positive (ReLU's derivative
     * is 0 there).
     */
    void reluMaxPool(float[] pre, int n, float[] pooled, byte[] winners) {
        int c = outChannels;
        int rowStride = inWidth * c;
        int o = 0;
        for (int i = 0; i < n; i++) {
            for (int oy = 0; oy < outHeight(); oy++) {
                for (int ox = 0; ox < outWidth(); ox++) {
                    int t0 = ((i * inHeight + 2 * oy) * inWidth + 2 * ox) * c;  // window position (0, 0)
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
    }

    /** Batch mean and 1/sqrt(biased variance + eps) per channel, accumulated in double; updates running stats. */
    private void batchStatistics(float[] pooled, int rows, float[] mean, float[] invStd) {
        int c = outChannels;
        double[] sum = new double[c];
        for (int r = 0, o = 0; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, o++) {
                sum[ch] += pooled[o];
            }
        }
        double[] squares = new double[c];
        for (int ch = 0; ch < c; ch++) {
            mean[ch] = (float) (sum[ch] / rows);
        }
        for (int r = 0, o = 0; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, o++) {
                double d = pooled[o] - mean[ch];
                squares[ch] += d * d;
            }
        }
        float[] rm = Steps.hostFloats(runningMean);
        float[] rv = Steps.hostFloats(runningVar);
        for (int ch = 0; ch < c; ch++) {
            double var = squares[ch] / rows;
            invStd[ch] = (float) (1 / Math.sqrt(var + BN_EPS));
            rm[ch] = (float) ((1 - BN_MOMENTUM) * rm[ch] + BN_MOMENTUM * mean[ch]);
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
        float[] dy = Steps.hostFloats(dOut, buffer(Slot.OUTPUT_GRADIENT, pooledRows * c));
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
        // Pooling and ReLU backward: each pooled gradient goes to its window's winner, if any; the rest is zero.
        float[] dPre = buffer(Slot.PRE_GRADIENT, n * inHeight * inWidth * c);
        Arrays.fill(dPre, 0, n * inHeight * inWidth * c, 0f);
        byte[] winners = cache.winners();
        int rowStride = inWidth * c;
        int o = 0;
        for (int i = 0; i < n; i++) {
            for (int oy = 0; oy < outHeight(); oy++) {
                for (int ox = 0; ox < outWidth(); ox++) {
                    int t0 = ((i * inHeight + 2 * oy) * inWidth + 2 * ox) * c;
                    for (int ch = 0; ch < c; ch++, o++) {
                        int k = winners[o];
                        float dp = scale[ch] * (dy[o] - meanDy[ch] - xhat[o] * meanDyXhat[ch]);
                        // Branch-free: a flagged winner gets an explicit zero (dPre is zero already).
                        dPre[t0 + ((k >> 1) & 1) * rowStride + (k & 1) * c + ch] = (k & NO_GRADIENT) == 0 ? dp : 0f;
                    }
                }
            }
        }
        INDArray dz = Steps.rows(dPre, n * inHeight * inWidth, c);
        INDArray dWeight = Nd4j.createUninitialized(type, outChannels, cache.cols().rows());
        Nd4j.gemm(dz, cache.cols(), dWeight, true, true, 1.0, 0.0);         // dz^T cols^T
        INDArray dInput = null;
        if (inputGradient) {
            INDArray dCols = Nd4j.createUninitialized(type, cache.cols().rows(), dz.rows());
            Nd4j.gemm(weight, dz, dCols, true, true, 1.0, 0.0);             // W^T dz^T
            dInput = patchColumnsAdjoint(dCols, n);
        }
        return new Gradients(dWeight, Nd4j.createFromArray(dGamma), Nd4j.createFromArray(dBeta), dInput);
    }

    /**
     * The 3x3 patches (stride 1, zero padding 1) of NCHW float input as a {@code [in*9, n*h*w]} matrix: one row per
     * (in, kh, kw), the weight rows' column order, one column per output position (n, y, x). In this layout (Caffe's
     * im2col) every row is the input channel shifted by the tap, so it is built from contiguous runs; the gemms take
     * it transposed by flag. Building the transpose element by element took twice as long.
     */
    INDArray patchColumns(INDArray input) {
        int n = (int) input.size(0);
        int plane = inHeight * inWidth;
        int positions = n * plane;
        float[] src = Steps.hostFloats(input, buffer(Slot.INPUT, n * inChannels * plane));
        float[] row = buffer(Slot.PATCHES, positions);
        INDArray cols = Nd4j.createUninitialized(DataType.FLOAT, inChannels * 9L, positions);
        FloatBuffer target = cols.data().asNioFloat();
        int j = 0;
        for (int c = 0; c < inChannels; c++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++, j++) {
                    int xFrom = Math.max(0, -dx);               // the x whose source x + dx lies inside
                    int xTo = Math.min(inWidth, inWidth - dx);
                    int d = 0;
                    for (int i = 0; i < n; i++) {
                        int channel = (i * inChannels + c) * plane;
                        for (int y = 0; y < inHeight; y++, d += inWidth) {
                            int sy = y + dy;
                            if (sy < 0 || sy >= inHeight) {
                                Arrays.fill(row, d, d + inWidth, 0f);
                                continue;
                            }
                            int from = channel + sy * inWidth + dx;
                            for (int x = xFrom; x < xTo; x++) {
                                row[d + x] = src[from + x];
                            }
                            if (xFrom > 0) {
                                row[d] = 0f;
                            }
                            if (xTo < inWidth) {
                                row[d + inWidth - 1] = 0f;
                            }
                        }
                    }
                    target.put(j * positions, row, 0, positions);
                }
            }
        }
        return cols;
    }

    /**
     * The adjoint of {@link #patchColumns} (col2im): sums the patch gradients {@code [in*9, n*h*w]} back onto the
     * input positions they were read from, returned in the previous block's flattened (row, column, channel) order.
     */
    INDArray patchColumnsAdjoint(INDArray dCols, int n) {
        int plane = inHeight * inWidth;
        int positions = n * plane;
        FloatBuffer source = (dCols.isView() || dCols.ordering() != 'c' ? dCols.dup('c') : dCols).data().asNioFloat();
        float[] row = buffer(Slot.PATCH_GRADIENT, positions);
        float[] nchw = buffer(Slot.INPUT_GRADIENT_NCHW, n * inChannels * plane);
        Arrays.fill(nchw, 0, n * inChannels * plane, 0f);
        int j = 0;
        for (int c = 0; c < inChannels; c++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++, j++) {
                    source.get(j * positions, row, 0, positions);
                    int xFrom = Math.max(0, -dx);
                    int xTo = Math.min(inWidth, inWidth - dx);
                    int d = 0;
                    for (int i = 0; i < n; i++) {
                        int channel = (i * inChannels + c) * plane;
                        for (int y = 0; y < inHeight; y++, d += inWidth) {
                            int sy = y + dy;
                            if (sy < 0 || sy >= inHeight) {
                                continue;
                            }
                            int to = channel + sy * inWidth + dx;
                            for (int x = xFrom; x < xTo; x++) {
                                nchw[to + x] += row[d + x];
                            }
                        }
                    }
                }
            }
        }
        // NCHW (contiguous runs above) to the previous block's (row, column, channel) order.
        float[] nhwc = buffer(Slot.INPUT_GRADIENT, n * inChannels * plane);
        for (int i = 0, o = 0; i < n; i++) {
            int sample = i * inChannels * plane;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < inChannels; c++, o++) {
                    nhwc[o] = nchw[sample + c * plane + p];
                }
            }
        }
        return Steps.rows(nhwc, n, plane * inChannels);
    }

    // ---- ND4J reference path (any data type) ----

    private INDArray forwardNd4j(INDArray input, boolean train) {
        int n = (int) input.size(0);
        INDArray cols = patchRowsNd4j(input);
        INDArray z = Nd4j.createUninitialized(type, cols.rows(), outChannels);
        Nd4j.gemm(cols, weight, z, false, true, 1.0, 0.0);                  // cols W^T
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
    record Pooled(INDArray values, INDArray[] masks) {
    }

    /** 2x2 max-pool (stride 2, floor) of the ReLU output {@code a} with ND4J maxima over strided views. */
    Pooled maxPoolNd4j(INDArray a, int n, boolean train) {
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

    /** The 3x3 patches as rows (n, y, x) and columns (in, kh, kw): the transpose of {@link #patchColumns}. */
    INDArray patchRowsNd4j(INDArray input) {
        int n = (int) input.size(0);
        // [n, in, 3, 3, h, w] -> rows (n, h, w), columns (in, kh, kw). The output array fixes the data type (im2col
        // would otherwise allocate in ND4J's default type).
        INDArray patches = Nd4j.create(type, n, inChannels, 3, 3, inHeight, inWidth);
        return Convolution.im2col(input, 3, 3, 1, 1, 1, 1, false, patches)
                .permute(0, 4, 5, 1, 2, 3).dup('c').reshape((long) n * inHeight * inWidth, inChannels * 9L);
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
        Nd4j.gemm(dz, c.cols(), dWeight, true, false, 1.0, 0.0);                // dz^T cols
        INDArray dInput = null;
        if (inputGradient) {
            // Patch gradients [n, h, w, in, 3, 3], each tap added onto its shifted window of the zero-padded input.
            INDArray dCols = dz.mmul(weight).reshape(n, inHeight, inWidth, inChannels, 3, 3);
            INDArray padded = Nd4j.zeros(type, n, inHeight + 2, inWidth + 2, inChannels);
            for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 3; kx++) {
                    padded.get(NDArrayIndex.all(), NDArrayIndex.interval(ky, ky + inHeight),
                            NDArrayIndex.interval(kx, kx + inWidth), NDArrayIndex.all())
                            .addi(dCols.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                                    NDArrayIndex.all(), NDArrayIndex.point(ky), NDArrayIndex.point(kx)));
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
