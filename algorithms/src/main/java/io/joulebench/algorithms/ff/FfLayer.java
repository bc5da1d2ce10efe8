package io.joulebench.algorithms.ff;

import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.SeededInit;
import io.joulebench.algorithms.local.Steps;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One Forward-Forward layer: {@code s = z W^T + b}, {@code a = ReLU(s)}, goodness logit {@code sum_j a_j^2 - h},
 * binary cross-entropy with logits (positive rows first, target 1; the rest target 0), plus peer normalisation on
 * a running mean of the positive rows' activity. Its input is a constant; it hands the next layer
 * {@code a / (rms(a) + 1e-8)}, detached. Temporaries are created in whatever workspace is open.
 *
 * <p>The training derivative of the ReLU is taken as 1 everywhere (straight-through), so
 * {@code dL/ds = dL/da}. For the goodness term this equals the true derivative ({@code d a^2/ds = 2a} either way,
 * since a = 0 where s < 0); it differs for the peer term, which also pushes units whose s is negative.
 */
final class FfLayer {
    static final double NORM_EPS = 1e-8;

    final INDArray weights;     // [h, n]
    final INDArray bias;        // [1, h]
    final INDArray runningMean; // [1, h], starts at 0.5

    FfLayer(INDArray weights, INDArray bias, INDArray runningMean) {
        this.weights = weights;
        this.bias = bias;
        this.runningMean = runningMean;
    }

    /** W ~ N(0, 1/out_features) (standard deviation 1/sqrt(h)), b = 0, running mean 0.5. */
    static FfLayer initialise(int inputs, int width, SplittableRandom rng, DataType type) {
        INDArray w = SeededInit.normal(type, 1.0 / Math.sqrt(width), rng, width, inputs);
        INDArray r = Steps.persistentZeros(type, 1, width);
        r.assign(0.5);
        return new FfLayer(w, Steps.persistentZeros(type, 1, width), r);
    }

    int inputs() {
        return (int) weights.columns();
    }

    int width() {
        return (int) weights.rows();
    }

    List<INDArray> parameters() {
        return List.of(weights, bias);
    }

    /** {@code ReLU(z W^T + b)}. */
    INDArray activations(INDArray z) {
        INDArray s = Nd4j.createUninitialized(z.dataType(), z.rows(), width());
        Gemm.gemm(z, weights, s, false, true, 1.0, 0.0);
        s.addiRowVector(bias);
        return Transforms.relu(s, false);
    }

    /**
     * Row-wise sums of squares as a column {@code [rows, 1]}: the squares times a column of ones (a gemm), about
     * 4x faster than ND4J's row reduction here.
     */
    static INDArray sumOfSquares(INDArray a) {
        INDArray squares = a.mul(a);
        INDArray ones = Nd4j.ones(a.dataType(), a.columns(), 1);
        INDArray out = Nd4j.createUninitialized(a.dataType(), a.rows(), 1);
        Gemm.gemm(squares, ones, out, false, false, 1.0, 0.0);
        return out;
    }

    /** {@code a / (rms(a) + 1e-8)} per row, given the rows' sums of squares. */
    static INDArray normalise(INDArray a, INDArray sumSq) {
        INDArray rms = Transforms.sqrt(sumSq.div(a.columns()), false).addi(NORM_EPS);
        return a.divColumnVector(rms);
    }

    /**
     * What one training step of this layer computed.
     *
     * @param bceLoss mean binary cross-entropy over all rows
     * @param peerLoss the peer-normalisation loss (unweighted)
     * @param next the normalised activations for the next layer (all rows)
     * @param gradients gradients of {@code bceLoss + peerWeight * peerLoss} for W and b, with the straight-through
     *                  ReLU derivative
     */
    record Step(double bceLoss, double peerLoss, INDArray next, List<INDArray> gradients) {
    }

    /**
     * Forward, local losses and gradients for stacked rows: the first {@code positives} rows are positive, the rest
     * negative. Updates the running mean: {@code r <- momentum r + (1 - momentum) mean_pos(a)}.
     */
    Step trainStep(INDArray z, int positives, double peerWeight, double momentum) {
        int rows = (int) z.rows();
        int h = width();
        INDArray a = activations(z);
        INDArray sumSq = sumOfSquares(a);
        double[] goodness = sumSq.toDoubleVector();
        double[] dLogit = new double[rows];
        double bce = 0;
        for (int i = 0; i < rows; i++) {
            double x = goodness[i] - h;
            double target = i < positives ? 1 : 0;
            // Stable BCE with logits: max(x,0) - x t + log1p(exp(-|x|)); its derivative is sigmoid(x) - t.
            bce += Math.max(x, 0) - x * target + Math.log1p(Math.exp(-Math.abs(x)));
            dLogit[i] = (sigmoid(x) - target) / rows;
        }
        bce /= rows;

        // Mean over the positive rows: a row of weights 1/P (positives) and 0 (negatives) times a.
        INDArray weights = Nd4j.zeros(z.dataType(), 1, rows);
        weights.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, positives)).assign(1.0 / positives);
        INDArray meanPositive = Nd4j.createUninitialized(z.dataType(), 1, h);
        Gemm.gemm(weights, a, meanPositive, false, false, 1.0, 0.0);
        runningMean.muli(momentum).addi(meanPositive.muli(1 - momentum));
        double meanOfMeans = runningMean.meanNumber().doubleValue();
        INDArray deviation = runningMean.sub(meanOfMeans);                     // r_j - mean(r)
        double peer = deviation.mul(deviation).meanNumber().doubleValue();

        // dL/da = 2 a dL/dlogit; the peer term adds w (1-momentum) (2/h) (r_j - mean r) / P to positive rows.
        INDArray dS = a.mulColumnVector(Nd4j.create(dLogit, new long[] {rows, 1}, z.dataType()).muli(2));
        dS.get(NDArrayIndex.interval(0, positives), NDArrayIndex.all())
                .addiRowVector(deviation.muli(peerWeight * (1 - momentum) * 2.0 / h / positives));
        INDArray gW = Nd4j.createUninitialized(z.dataType(), h, inputs());
        Gemm.gemm(dS, z, gW, true, false, 1.0, 0.0);
        INDArray gB = Steps.columnSums(dS);
        return new Step(bce, peer, normalise(a, sumSq), List.of(gW, gB));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** Gemm flops of one training step on {@code rows} rows: forward and the weight gradient. */
    double trainFlops(int rows) {
        return 4.0 * rows * inputs() * width();
    }

    double forwardFlops() {
        return 2.0 * inputs() * width();
    }
}
