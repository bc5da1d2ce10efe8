package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.local.SeededInit;
import io.joulebench.algorithms.local.Steps;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One CaFo block: Conv 3x3 (stride 1, pad 1, no bias) -> ReLU -> MaxPool 2x2 (stride 2, floor) -> BatchNorm,
 * written by hand on ND4J (im2col + gemm) so that a block can back-propagate an external error signal inside
 * itself only (its input is always treated as detached: no input gradient is ever computed).
 *
 * <p>Layout: inside the block, activations are matrices with one row per (sample, row, column) and one column
 * per channel (NHWC), which makes ReLU and BatchNorm column-wise. The flattened block output is therefore in
 * (row, column, channel) order per sample; {@link #toNchw} turns it into the next block's NCHW input. The order
 * of the flattened features is irrelevant to a linear predictor (a fixed permutation of its inputs).
 *
 * <p>BatchNorm follows PyTorch: eps 1e-5, biased batch variance for normalisation in training mode, running
 * statistics updated with momentum 0.1 and the unbiased variance, initial running mean 0 and variance 1, gamma 1,
 * beta 0.
 */
final class ConvBlock {
    static final double BN_EPS = 1e-5;
    static final double BN_MOMENTUM = 0.1;

    final int inChannels;
    final int outChannels;
    final int inHeight;
    final int inWidth;
    final DataType type;

    /** Conv weights [out, in*3*3], in PyTorch's (in, kh, kw) order per row. */
    final INDArray weight;
    final INDArray gamma;
    final INDArray beta;
    final INDArray runningMean;
    final INDArray runningVar;

    private Cache cache;

    /**
     * Host buffers of the host-side patch and pooling passes, reused across batches (fresh arrays per batch grew the
     * heap by gigabytes of garbage on a full-size run). A block is used by one thread at a time.
     */
    private final float[][] scratch = new float[2][]; // input copy, output

    private float[] scratch(int slot, int size) {
        if (scratch[slot] == null || scratch[slot].length < size) {
            scratch[slot] = new float[size];
        }
        return scratch[slot];
    }

    /** Intermediate values of the last forward pass, kept for {@link #backward}. */
    private record Cache(int n, INDArray cols, INDArray preActivation, INDArray[] poolMasks, INDArray normalised,
                         INDArray invStd, boolean train) {
    }

    /** Gradients of one block's parameters, in {@link #parameters()} order. */
    record Gradients(INDArray weight, INDArray gamma, INDArray beta) {
        List<INDArray> asList() {
            return List.of(weight, gamma, beta);
        }
    }

    ConvBlock(int inChannels, int outChannels, int inHeight, int inWidth, DataType type, SplittableRandom rng) {
        if (inHeight < 2 || inWidth < 2) {
            throw new IllegalArgumentException("a CaFo block needs at least 2x2 input to pool, got " + inHeight + "x"
                    + inWidth + " (too many blocks for this image size)");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.type = type;
        // PyTorch Conv2d default: Kaiming-uniform with a = sqrt 5, i.e. U(+-1/sqrt(fan_in)), fan_in = in * 3 * 3.
        this.weight = SeededInit.pytorchDefault(type, inChannels * 9L, rng, outChannels, inChannels * 9L);
        this.gamma = Nd4j.ones(type, outChannels);
        this.beta = Nd4j.zeros(type, outChannels);
        this.runningMean = Nd4j.zeros(type, outChannels);
        this.runningVar = Nd4j.ones(type, outChannels);
    }

    int outHeight() {
        return inHeight / 2;
    }

    int outWidth() {
        return inWidth / 2;
    }

    /** Values per sample of the flattened block output. */
    int flatSize() {
        return outHeight() * outWidth() * outChannels;
    }

    /** Trainable parameters (updated in place by the optimiser). */
    List<INDArray> parameters() {
        return List.of(weight, gamma, beta);
    }

    /** Forward FLOPs per sample (the convolution's multiply-adds; ReLU, pool and BatchNorm are negligible). */
    double forwardFlopsPerSample() {
        return 2.0 * inHeight * inWidth * outChannels * inChannels * 9;
    }

    /**
     * Runs the block on NCHW input {@code [n, in, h, w]}; returns the flattened output {@code [n, flatSize]}.
     * In training mode BatchNorm uses the batch statistics and updates its running ones; otherwise it uses the
     * running statistics. Keeps what {@link #backward} needs.
     */
    INDArray forward(INDArray x, boolean train) {
        int n = (int) x.size(0);
        if (x.rank() != 4 || x.size(1) != inChannels || x.size(2) != inHeight || x.size(3) != inWidth) {
            throw new IllegalArgumentException("block expects [n, " + inChannels + ", " + inHeight + ", " + inWidth
                    + "] input, got " + java.util.Arrays.toString(x.shape()));
        }
        INDArray input = x.dataType() == type ? x : x.castTo(type);
        INDArray cols = type == DataType.FLOAT ? patchRows(input) : patchRowsNd4j(input);
        INDArray z = Nd4j.createUninitialized(type, cols.rows(), outChannels);
        Nd4j.gemm(cols, weight, z, false, true, 1.0, 0.0);                  // cols W^T
        INDArray a = Transforms.relu(z, true);

        Pooled pooled = type == DataType.FLOAT ? maxPool(a, n, train) : maxPoolNd4j(a, n, train);
        INDArray p = pooled.values();
        INDArray[] masks = pooled.masks();

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
        cache = train ? new Cache(n, cols, z, masks, normalised, invStd, true) : null;
        return y.reshape(n, flatSize());
    }

    /** 2x2 max-pool output {@code [n*oh*ow, out]} and, in training, one mask per window position. */
    record Pooled(INDArray values, INDArray[] masks) {
    }

    /**
     * 2x2 max-pool (stride 2, floor mode) of the ReLU output {@code a} (rows (n, y, x), columns out) on the host:
     * one pass over a float copy; in training also the masks of the first maximal position per window (as
     * PyTorch's max-pool routes the gradient on ties), instead of ND4J maxima over strided views.
     */
    Pooled maxPool(INDArray a, int n, boolean train) {
        int oh = outHeight();
        int ow = outWidth();
        int c = outChannels;
        float[] src = Steps.hostFloats(a, scratch(0, (int) a.length()));
        int outputs = n * oh * ow * c;
        float[] out = scratch(1, outputs);
        float[][] mask = train ? new float[4][outputs] : null;
        int o = 0;
        for (int i = 0; i < n; i++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int top = ((i * inHeight + 2 * oy) * inWidth + 2 * ox) * c;  // window (0, 0)
                    int[] at = {top, top + c, top + inWidth * c, top + inWidth * c + c};
                    for (int ch = 0; ch < c; ch++, o++) {
                        float max = src[at[0] + ch];
                        for (int k = 1; k < 4; k++) {
                            max = Math.max(max, src[at[k] + ch]);
                        }
                        out[o] = max;
                        if (train) {
                            for (int k = 0; k < 4; k++) {
                                if (src[at[k] + ch] == max) {
                                    mask[k][o] = 1f;
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }
        INDArray[] masks = new INDArray[4];
        if (train) {
            for (int k = 0; k < 4; k++) {
                masks[k] = Steps.rows(mask[k], n * oh, ow * c).reshape((long) n * oh, ow, c);
            }
        }
        return new Pooled(Steps.rows(out, n * oh * ow, c), masks);
    }

    /** {@link #maxPool} with ND4J ops, for any data type (the double-precision tests). */
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

    /**
     * The 3x3 patches (stride 1, zero padding 1) of NCHW float input as rows (n, y, x) and columns (in, kh, kw),
     * the weight rows' order. Built on the host in one pass with sequential writes: ND4J's im2col followed by the
     * permute to this layout took 86 ms for a batch of 128 at 7x7x128 (more than the gemm), this about 13 ms.
     */
    INDArray patchRows(INDArray input) {
        int n = (int) input.size(0);
        int plane = inHeight * inWidth;
        float[] src = Steps.hostFloats(input, scratch(0, n * inChannels * plane));
        int columns = inChannels * 9;
        float[] dst = scratch(1, n * plane * columns);
        int d = 0;
        for (int i = 0; i < n; i++) {
            int sample = i * inChannels * plane;
            for (int y = 0; y < inHeight; y++) {
                for (int xx = 0; xx < inWidth; xx++) {
                    for (int c = 0; c < inChannels; c++) {
                        int channel = sample + c * plane;
                        for (int ky = -1; ky <= 1; ky++) {
                            int sy = y + ky;
                            boolean rowInside = sy >= 0 && sy < inHeight;
                            for (int kx = -1; kx <= 1; kx++) {
                                int sx = xx + kx;
                                dst[d++] = rowInside && sx >= 0 && sx < inWidth ? src[channel + sy * inWidth + sx] : 0f;
                            }
                        }
                    }
                }
            }
        }
        return Steps.rows(dst, n * plane, columns);
    }

    /** The same rows as {@link #patchRows} through ND4J's im2col, for any data type (the double-precision tests). */
    INDArray patchRowsNd4j(INDArray input) {
        int n = (int) input.size(0);
        // [n, in, 3, 3, h, w] -> rows (n, h, w), columns (in, kh, kw). The output array fixes the data type (im2col
        // would otherwise allocate in ND4J's default type).
        INDArray patches = Nd4j.create(type, n, inChannels, 3, 3, inHeight, inWidth);
        return Convolution.im2col(input, 3, 3, 1, 1, 1, 1, false, patches)
                .permute(0, 4, 5, 1, 2, 3).dup('c').reshape((long) n * inHeight * inWidth, inChannels * 9L);
    }

    /**
     * Gradients of {@code sum over samples of <dOut_i, output_i>} with respect to this block's parameters, for the
     * last training-mode forward pass (BatchNorm's batch statistics included). The input is detached.
     */
    Gradients backward(INDArray dOut) {
        if (cache == null) {
            throw new IllegalStateException("backward needs a preceding training-mode forward pass");
        }
        Cache c = cache;
        int n = c.n();
        int oh = outHeight();
        int ow = outWidth();
        INDArray dy = dOut.castTo(type).reshape((long) n * oh * ow, outChannels);
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
        return new Gradients(dWeight, dGamma, dBeta);
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

    /** Drops what the last forward pass kept for backward. */
    void clearCache() {
        cache = null;
    }

    /** Turns a flattened block output {@code [n, oh*ow*out]} into the next block's NCHW input. */
    INDArray toNchw(INDArray flat) {
        return flat.reshape(flat.size(0), outHeight(), outWidth(), outChannels).permute(0, 3, 1, 2).dup('c');
    }
}
