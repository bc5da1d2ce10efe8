package io.joulebench.algorithms.mf;

import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.SeededInit;
import io.joulebench.algorithms.local.SoftmaxCrossEntropy;
import io.joulebench.algorithms.local.Steps;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One Mono-Forward layer: {@code a = ReLU(x W^T + b)} and its projection {@code G = a M^T} (no bias) to the class
 * scores, trained on {@code CE(G, y)} alone. Its input is treated as a constant (no error leaves the layer).
 * Temporaries are created in whatever workspace is open.
 */
final class MfLayer {
    final INDArray weights;    // [h, n]
    final INDArray bias;       // [1, h]
    final INDArray projection; // [C, h]

    MfLayer(INDArray weights, INDArray bias, INDArray projection) {
        if (weights.rows() != bias.length() || bias.rank() != 2 || projection.columns() != weights.rows()) {
            throw new IllegalArgumentException("inconsistent MF layer shapes: W " + weights.shapeInfoToString()
                    + ", b " + bias.length() + ", M " + projection.shapeInfoToString());
        }
        this.weights = weights;
        this.bias = bias;
        this.projection = projection;
    }

    /** W Kaiming-uniform (bound sqrt(6/fan_in)), b = 0, M uniform with bound 1/sqrt(width). */
    static MfLayer initialise(int inputs, int width, int classes, SplittableRandom rng,
                              org.nd4j.linalg.api.buffer.DataType type) {
        INDArray w = SeededInit.kaimingUniformRelu(type, inputs, rng, width, inputs);
        INDArray m = SeededInit.uniform(type, 1.0 / Math.sqrt(width), rng, classes, width);
        INDArray b = Steps.persistentZeros(type, 1, width);
        return new MfLayer(w, b, m);
    }

    int inputs() {
        return (int) weights.columns();
    }

    int width() {
        return (int) weights.rows();
    }

    int classes() {
        return (int) projection.rows();
    }

    List<INDArray> parameters() {
        return List.of(weights, bias, projection);
    }

    /** {@code ReLU(x W^T + b)} for a batch of rows x. */
    INDArray forward(INDArray x) {
        INDArray s = Nd4j.createUninitialized(x.dataType(), x.rows(), width());
        Gemm.gemm(x, weights, s, false, true, 1.0, 0.0);
        s.addiRowVector(bias);
        return Transforms.relu(s, false);
    }

    /** Class scores {@code a M^T} of this layer's activations. */
    INDArray scores(INDArray a) {
        INDArray g = Nd4j.createUninitialized(a.dataType(), a.rows(), classes());
        Gemm.gemm(a, projection, g, false, true, 1.0, 0.0);
        return g;
    }

    /**
     * The local loss and its gradients for one minibatch.
     *
     * @param lossSum summed (not averaged) cross-entropy over the rows
     * @param activations the layer's output a for these rows (before the update)
     * @param gradients gradients of the mean cross-entropy for W, b, M (in {@link #parameters()} order)
     */
    record Step(double lossSum, int correct, INDArray activations, List<INDArray> gradients) {
    }

    Step lossAndGradients(INDArray x, int[] labels) {
        int rows = (int) x.rows();
        INDArray a = forward(x);
        SoftmaxCrossEntropy.Result ce = SoftmaxCrossEntropy.withGradient(scores(a), labels, 1.0 / rows);
        INDArray dG = ce.gradient();                                          // [B, C]
        INDArray gM = Nd4j.createUninitialized(x.dataType(), classes(), width());
        Gemm.gemm(dG, a, gM, true, false, 1.0, 0.0);                          // dG^T a
        INDArray dS = Nd4j.createUninitialized(x.dataType(), rows, width());
        Gemm.gemm(dG, projection, dS, false, false, 1.0, 0.0);                // dG M
        Steps.reluBackward(dS, a);                                            // ReLU' = 1 where a > 0
        INDArray gW = Nd4j.createUninitialized(x.dataType(), width(), inputs());
        Gemm.gemm(dS, x, gW, true, false, 1.0, 0.0);                          // dS^T x
        INDArray gB = Steps.columnSums(dS);
        return new Step(ce.lossSum(), ce.correct(), a, List.of(gW, gB, gM));
    }

    /** Floating-point operations of one training step on {@code rows} rows (gemms only). */
    double trainFlops(int rows) {
        double nh = (double) inputs() * width();
        double hc = (double) width() * classes();
        return 2.0 * rows * (2 * nh + 3 * hc);
    }

    /** Forward flops per row through the layer (gemm only), without the projection. */
    double forwardFlops() {
        return 2.0 * inputs() * width();
    }

    /** Projection flops per row. */
    double scoreFlops() {
        return 2.0 * width() * classes();
    }
}
