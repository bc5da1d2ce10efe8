package io.joulebench.algorithms.local;

import static io.joulebench.algorithms.local.ConvBlock.BN_EPS;
import static io.joulebench.algorithms.local.ConvBlock.BN_MOMENTUM;

import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reference kernels, in ND4J ops of any data type: im2col, gemm, then ReLU, pooling and BatchNorm one op at a
 * time, each step as the formula reads. Slower than {@link HostConvKernels}; the double-precision gradient checks
 * run these, and tests hold the host kernels equal to them in float32.
 */
final class Nd4jConvKernels implements ConvKernels {
    /** What the last training-mode forward pass keeps for backward. */
    private record Kept(int n, INDArray cols, INDArray preActivation, INDArray[] poolMasks, INDArray normalised,
                        INDArray invStd) {
    }

    /** 2x2 max-pool output {@code [n*oh*ow, out]} and, in training, one mask per window position. */
    private record Pooled(INDArray values, INDArray[] masks) {
    }

    private final ConvBlock block;
    private final int inChannels;
    private final int outChannels;
    private final int inHeight;
    private final int inWidth;
    private Kept kept;

    Nd4jConvKernels(ConvBlock block) {
        this.block = block;
        this.inChannels = block.inChannels;
        this.outChannels = block.outChannels;
        this.inHeight = block.inHeight;
        this.inWidth = block.inWidth;
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
        INDArray cols = patchRows(input);
        INDArray z = Nd4j.createUninitialized(block.type, cols.rows(), outChannels);
        Gemm.gemm(cols, block.weight, z, false, true, 1.0, 0.0);                  // cols W^T
        INDArray a = Transforms.relu(z, true);
        Pooled pooled = maxPool(a, n, train);
        INDArray p = pooled.values();

        INDArray mean;
        INDArray invStd;
        if (train) {
            mean = columnMeans(p);
            INDArray centred = p.subRowVector(mean);
            INDArray var = columnMeans(centred.mul(centred));
            invStd = Transforms.pow(var.add(BN_EPS), -0.5, false);
            long m = p.size(0);
            block.runningMean.muli(1 - BN_MOMENTUM).addi(mean.mul(BN_MOMENTUM));
            block.runningVar.muli(1 - BN_MOMENTUM).addi(var.mul(BN_MOMENTUM * m / Math.max(1, m - 1)));
        } else {
            mean = block.runningMean;
            invStd = Transforms.pow(block.runningVar.add(BN_EPS), -0.5, false);
        }
        INDArray normalised = p.subRowVector(mean).muliRowVector(invStd);
        INDArray y = normalised.mulRowVector(block.gamma).addiRowVector(block.beta);
        kept = train ? new Kept(n, cols, z, pooled.masks(), normalised, invStd) : null;
        return y.reshape(n, block.flatSize());
    }

    /** 2x2 max-pool (stride 2, floor) of the ReLU output {@code a} with ND4J maxima over strided views. */
    private Pooled maxPool(INDArray a, int n, boolean train) {
        int oh = block.outHeight();
        int ow = block.outWidth();
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
            INDArray taken = Nd4j.zeros(block.type, pooled.shape());
            for (int k = 0; k < 4; k++) {
                INDArray m = window[k].eq(pooled).castTo(block.type).muli(taken.rsub(1.0));
                taken.addi(m);
                masks[k] = m;
            }
        }
        return new Pooled(pooled.reshape((long) n * oh * ow, outChannels), masks);
    }

    /**
     * The 3x3 patch rows (stride 1, zero padding 1) of NHWC input {@code [n, inputSize]}, rows (n, y, x) and
     * columns (kh, kw, in), through ND4J's im2col (which wants NCHW input).
     */
    INDArray patchRows(INDArray input) {
        int n = (int) input.size(0);
        INDArray nchw = input.reshape(n, inHeight, inWidth, inChannels).permute(0, 3, 1, 2).dup('c');
        // [n, in, 3, 3, h, w] -> rows (n, h, w), columns (kh, kw, in). The output array fixes the data type (im2col
        // would otherwise allocate in ND4J's default type).
        INDArray patches = Nd4j.create(block.type, n, inChannels, 3, 3, inHeight, inWidth);
        return Convolution.im2col(nchw, 3, 3, 1, 1, 1, 1, false, patches)
                .permute(0, 4, 5, 2, 3, 1).dup('c').reshape((long) n * inHeight * inWidth, inChannels * 9L);
    }

    @Override
    public ConvBlock.Gradients backward(INDArray dOut, boolean inputGradient) {
        Kept c = kept;
        int n = c.n();
        int oh = block.outHeight();
        int ow = block.outWidth();
        INDArray dy = dOut.reshape((long) n * oh * ow, outChannels);
        INDArray dBeta = columnTotals(dy);
        INDArray dGamma = columnTotals(dy.mul(c.normalised()));
        // BatchNorm (batch statistics): dp = invStd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)).
        INDArray dxhat = dy.mulRowVector(block.gamma);
        INDArray meanDxhat = columnMeans(dxhat);
        INDArray meanDxhatXhat = columnMeans(dxhat.mul(c.normalised()));
        INDArray dp = dxhat.subRowVector(meanDxhat)
                .subi(c.normalised().mulRowVector(meanDxhatXhat))
                .muliRowVector(c.invStd());

        INDArray dp3 = dp.reshape((long) n * oh, ow, outChannels);
        INDArray da5 = Nd4j.zeros(block.type, (long) n * oh, 2, ow, 2, outChannels);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                da5.get(NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.point(j),
                        NDArrayIndex.all()).assign(dp3.mul(c.poolMasks()[2 * i + j]));
            }
        }
        INDArray da;
        if (inHeight != 2 * oh || inWidth != 2 * ow) {
            da = Nd4j.zeros(block.type, n, inHeight, inWidth, outChannels);
            da.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * oh), NDArrayIndex.interval(0, 2 * ow),
                    NDArrayIndex.all()).assign(da5.reshape(n, 2 * oh, 2 * ow, outChannels));
        } else {
            da = da5;
        }
        INDArray dz = Steps.reluBackward(da.reshape((long) n * inHeight * inWidth, outChannels), c.preActivation());
        INDArray dWeight = Nd4j.createUninitialized(block.type, outChannels, c.cols().columns());
        Gemm.gemm(dz, c.cols(), dWeight, true, false, 1.0, 0.0);                // dz^T cols
        INDArray dInput = null;
        if (inputGradient) {
            // Patch gradients [n, h, w, 3, 3, in], each tap added onto its shifted window of the zero-padded input.
            INDArray dCols = dz.mmul(block.weight).reshape(n, inHeight, inWidth, 3, 3, inChannels);
            INDArray padded = Nd4j.zeros(block.type, n, inHeight + 2, inWidth + 2, inChannels);
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
        return new ConvBlock.Gradients(dWeight, dGamma, dBeta, dInput);
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
