package io.joulebench.algorithms.local;

import static io.joulebench.algorithms.local.ConvBlock.BN_EPS;
import static io.joulebench.algorithms.local.ConvBlock.BN_MOMENTUM;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.OptionalInt;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The float32 kernels: the gemms on ND4J, the rest in Java loops over host copies. One fused pass for ReLU, pooling
 * and BatchNorm statistics, one for their backward, several times faster than chains of ND4J element-wise ops. Both
 * directions go a chunk of samples at a time (see {@link #chunkSamples}). The BatchNorm sums are in double, so the
 * results differ from {@link Nd4jConvKernels}' float32 ones by rounding only.
 */
final class HostConvKernels implements ConvKernels {
    /**
     * Host buffers, reused across batches (fresh arrays per batch grew the heap by gigabytes of garbage on a full-size
     * run). Training-mode values kept for backward have slots of their own. An inference pass drops what a training
     * pass kept (backward then fails loudly rather than mixing passes).
     */
    private enum Slot { INPUT, PRE_ACTIVATION, POOLED, OUTPUT, NORMALISED, OUTPUT_GRADIENT, PRE_GRADIENT,
        INPUT_GRADIENT }

    /** Flag on a pooling winner whose maximum was not positive: ReLU passes no gradient to it. */
    private static final int NO_GRADIENT = 4;

    /** What the last training-mode forward pass keeps for backward. */
    private record Kept(int n, float[] input, byte[] winners, float[] normalised, float[] invStd) {
    }

    /**
     * The gemms' native operands, reused across calls as the host buffers are (created outside every workspace): a
     * chunk's patch rows, its pre-activations (forward) or their gradients (backward), its patch-row gradients.
     */
    private enum Work { PATCHES, PRE, PATCH_GRADIENTS }

    /**
     * Scratch that no pass keeps beyond its own call, shared by every block on a thread: a stack of blocks needs one
     * set, not one per block (NoProp's ten denoising blocks hold thirty conv blocks; docs/benchmarks.md, "Memory").
     * Work matrices are flat and viewed at each caller's shape, since blocks differ in columns.
     */
    private static final class Shared {
        final float[][] slots = new float[Slot.values().length][];
        final INDArray[] work = new INDArray[Work.values().length];
    }

    private static final ThreadLocal<Shared> SHARED = ThreadLocal.withInitial(Shared::new);

    private final ConvBlock block;
    private final HostPatchRows patches;
    /** What a training pass keeps for backward: its input and normalised values (the other slots are shared). */
    private final float[][] keptBuffers = new float[Slot.values().length][];
    private byte[] winnerBuffer;
    private Kept kept;

    HostConvKernels(ConvBlock block) {
        if (block.type != DataType.FLOAT) {
            throw new IllegalArgumentException("host conv kernels are float32 only, not " + block.type);
        }
        this.block = block;
        this.patches = new HostPatchRows(block.inChannels, block.inHeight, block.inWidth);
    }

    /** This block's own buffer for a slot whose values a training pass keeps for backward. */
    private float[] keptBuffer(Slot slot, int size) {
        return grown(keptBuffers, slot, size);
    }

    /** The thread's shared buffer for a slot that no pass keeps beyond its own call. */
    private static float[] scratch(Slot slot, int size) {
        return grown(SHARED.get().slots, slot, size);
    }

    private static float[] grown(float[][] slots, Slot slot, int size) {
        float[] b = slots[slot.ordinal()];
        if (b == null || b.length < size) {
            b = new float[size];
            slots[slot.ordinal()] = b;
        }
        return b;
    }

    /** The thread's work matrix {@code w}, viewed as {@code rows x columns}. */
    private INDArray work(Work w, long rows, long columns) {
        INDArray[] work = SHARED.get().work;
        INDArray flat = work[w.ordinal()];
        if (flat == null || flat.length() < rows * columns) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                flat = Nd4j.createUninitialized(block.type, rows * columns);
            }
            work[w.ordinal()] = flat;
        }
        return flat.get(NDArrayIndex.interval(0, rows * columns)).reshape('c', rows, columns);
    }

    @Override
    public OptionalInt keptBatchSize() {
        return kept == null ? OptionalInt.empty() : OptionalInt.of(kept.n());
    }

    @Override
    public void clearCache() {
        kept = null;
    }

    @Override
    public INDArray forward(INDArray input, boolean train) {
        int n = (int) input.size(0);
        int c = block.outChannels;
        int pixels = block.inHeight * block.inWidth;
        int pooledPerSample = block.flatSize();
        int chunk = chunkSamples(n);
        // Only a training pass keeps its input (for backward): an inference pass reads it from scratch.
        float[] src = Steps.hostFloats(input, train ? keptBuffer(Slot.INPUT, n * block.inputSize())
                : scratch(Slot.INPUT, n * block.inputSize()));
        INDArray cols = work(Work.PATCHES, (long) chunk * pixels, 9L * block.inChannels);
        INDArray zChunk = work(Work.PRE, (long) chunk * pixels, c);
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
            patches.write(src, first, count, cols);
            INDArray z = rowRange(zChunk, 0, count * pixels);
            Gemm.gemm(rowRange(cols, 0, count * pixels), block.weight, z, false, true, 1.0, 0.0);   // cols W^T
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
            float[] rm = Steps.hostFloats(block.runningMean);
            float[] rv = Steps.hostFloats(block.runningVar);
            for (int ch = 0; ch < c; ch++) {
                mean[ch] = rm[ch];
                invStd[ch] = (float) (1 / Math.sqrt(rv[ch] + BN_EPS));
            }
        }
        float[] g = Steps.hostFloats(block.gamma);
        float[] b = Steps.hostFloats(block.beta);
        int pooledRows = n * block.outHeight() * block.outWidth();
        float[] out = scratch(Slot.OUTPUT, pooledRows * c);
        float[] normalised = train ? keptBuffer(Slot.NORMALISED, pooledRows * c) : null;
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
        kept = train ? new Kept(n, src, winners, normalised, invStd) : null;
        return Steps.rows(out, n, block.flatSize());
    }

    /**
     * Samples per chunk of the host passes: about 1 MiB of patch rows (4 samples of the study's 2nd and 3rd blocks,
     * 37 of its first), which measured as fast in the gemms as the whole batch and keeps the chunk in cache.
     */
    private int chunkSamples(int n) {
        int patchValues = block.inHeight * block.inWidth * 9 * block.inChannels;
        return Math.max(1, Math.min(n, (1 << 18) / patchValues));
    }

    /** Rows {@code [from, from + count)} of a matrix, as a view (the gemm reads it in place). */
    private static INDArray rowRange(INDArray m, int from, int count) {
        return from == 0 && count == m.rows() ? m
                : m.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all());
    }

    /**
     * ReLU then 2x2 max-pool (stride 2, floor mode) of one sample's pre-activations {@code pre} (rows (y, x),
     * columns out) into {@code pooled} from index {@code o}: the max of the window, then ReLU (the two commute). With
     * {@code winners} also records per output the window position (0-3, row-major) that gets the gradient: the first
     * maximal one (as PyTorch's max-pool routes it on ties), flagged {@link #NO_GRADIENT} where the maximum is not
     * positive (ReLU's derivative is 0 there).
     */
    private void reluMaxPool(float[] pre, float[] pooled, int o, byte[] winners) {
        int c = block.outChannels;
        int inWidth = block.inWidth;
        int rowStride = inWidth * c;
        for (int oy = 0; oy < block.outHeight(); oy++) {
            for (int ox = 0; ox < block.outWidth(); ox++) {
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

    /** Batch mean and 1/sqrt(biased variance + eps) per channel; updates the running statistics. */
    private void batchStatistics(BatchMoments moments, float[] mean, float[] invStd) {
        float[] rm = Steps.hostFloats(block.runningMean);
        float[] rv = Steps.hostFloats(block.runningVar);
        long rows = moments.count;
        for (int ch = 0; ch < block.outChannels; ch++) {
            double var = moments.squares[ch] / rows;
            mean[ch] = (float) moments.mean[ch];
            invStd[ch] = (float) (1 / Math.sqrt(var + BN_EPS));
            rm[ch] = (float) ((1 - BN_MOMENTUM) * rm[ch] + BN_MOMENTUM * moments.mean[ch]);
            rv[ch] = (float) ((1 - BN_MOMENTUM) * rv[ch] + BN_MOMENTUM * var * rows / Math.max(1, rows - 1));
        }
        block.runningMean.assign(Nd4j.createFromArray(rm));
        block.runningVar.assign(Nd4j.createFromArray(rv));
    }

    @Override
    public ConvBlock.Gradients backward(INDArray dOut, boolean inputGradient) {
        Kept cache = kept;
        int n = cache.n();
        int c = block.outChannels;
        int inWidth = block.inWidth;
        int inputSize = block.inputSize();
        int flatSize = block.flatSize();
        int pooledRows = n * block.outHeight() * block.outWidth();
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
        float[] g = Steps.hostFloats(block.gamma);
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
        int pixels = block.inHeight * inWidth;
        int prePerSample = pixels * c;
        int patchColumns = 9 * block.inChannels;
        int chunk = chunkSamples(n);
        INDArray dzChunk = work(Work.PRE, (long) chunk * pixels, c);
        INDArray colsChunk = work(Work.PATCHES, (long) chunk * pixels, patchColumns);
        INDArray dWeight = Nd4j.createUninitialized(block.type, c, patchColumns);
        FloatBuffer preGradients = dzChunk.data().asNioFloat();
        float[] dPre = scratch(Slot.PRE_GRADIENT, prePerSample);
        // Every position of a pooling window is written below; only the row and column that floor-mode pooling
        // leaves out (odd sizes) are zeroed here, once: nothing else writes them.
        int pooledHeight = block.outHeight();
        int pooledWidth = block.outWidth();
        for (int y = 0; y < block.inHeight; y++) {
            int from = y < 2 * pooledHeight ? (y * inWidth + 2 * pooledWidth) * c : y * inWidth * c;
            Arrays.fill(dPre, from, (y + 1) * inWidth * c, 0f);
        }
        INDArray dColsChunk = inputGradient
                ? work(Work.PATCH_GRADIENTS, (long) chunk * pixels, patchColumns) : null;
        float[] dInput = inputGradient ? scratch(Slot.INPUT_GRADIENT, n * inputSize) : null;
        byte[] winners = cache.winners();
        int rowStride = inWidth * c;
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            for (int i = first; i < first + count; i++) {
                for (int oy = 0, o = i * flatSize; oy < pooledHeight; oy++) {
                    for (int ox = 0; ox < pooledWidth; ox++, o += c) {
                        int t0 = (2 * oy * inWidth + 2 * ox) * c;
                        int t2 = t0 + rowStride;
                        for (int ch = 0; ch < c; ch++) {
                            int k = winners[o + ch];
                            float dp = scale[ch] * (dy[o + ch] - meanDy[ch] - xhat[o + ch] * meanDyXhat[ch]);
                            // Branch-free: the winner gets dp, unless flagged; the window's other positions
                            // (and a flagged winner) get +0, through bit masks: -1 where the condition holds, 0
                            // elsewhere.
                            int bits = Float.floatToRawIntBits(dp) & (((k >> 2) & 1) - 1);
                            int w = k & 3;
                            dPre[t0 + ch] = Float.intBitsToFloat(bits & ((w - 1) >> 31));
                            dPre[t0 + c + ch] = Float.intBitsToFloat(bits & (((w ^ 1) - 1) >> 31));
                            dPre[t2 + ch] = Float.intBitsToFloat(bits & (((w ^ 2) - 1) >> 31));
                            dPre[t2 + c + ch] = Float.intBitsToFloat(bits & (((w ^ 3) - 1) >> 31));
                        }
                    }
                }
                preGradients.put((i - first) * prePerSample, dPre, 0, prePerSample);
            }
            INDArray dz = rowRange(dzChunk, 0, count * pixels);
            patches.write(cache.input(), first, count, colsChunk);
            Gemm.gemm(dz, rowRange(colsChunk, 0, count * pixels), dWeight, true, false, 1.0,        // += dz^T cols
                    first == 0 ? 0.0 : 1.0);
            if (inputGradient) {
                INDArray dCols = rowRange(dColsChunk, 0, count * pixels);
                Gemm.gemm(dz, block.weight, dCols, false, false, 1.0, 0.0);                         // dz W
                patches.writeGradients(dColsChunk.data().asNioFloat(), first, count, dInput);
            }
        }
        return new ConvBlock.Gradients(dWeight, Nd4j.createFromArray(dGamma), Nd4j.createFromArray(dBeta),
                inputGradient ? Steps.rows(dInput, n, inputSize) : null);
    }
}
