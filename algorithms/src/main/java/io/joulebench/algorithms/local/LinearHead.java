package io.joulebench.algorithms.local;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A linear map {@code [n, in] -> [n, classes]} with optional bias, and its mean cross-entropy with gradients:
 * a CaFo predictor, the auxiliary head of the DFA phase, the output layer of the CNN twin.
 */
public final class LinearHead {
    /** Weights {@code [in, classes]}. */
    public final INDArray weight;
    /** Bias {@code [classes]}, or null without bias. */
    public final INDArray bias;

    public LinearHead(INDArray weight, INDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    /** PyTorch's nn.Linear default initialisation: weights and bias U(+-1/sqrt(in)). */
    public static LinearHead pytorchDefault(int in, int classes, boolean withBias, DataType type,
                                            SplittableRandom rng) {
        INDArray w = SeededInit.pytorchDefault(type, in, rng, in, classes);
        INDArray b = withBias ? SeededInit.pytorchDefault(type, in, rng, classes) : null;
        return new LinearHead(w, b);
    }

    public List<INDArray> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    public int inputs() {
        return (int) weight.size(0);
    }

    public int classes() {
        return (int) weight.size(1);
    }

    public INDArray logits(INDArray x) {
        INDArray z = Nd4j.createUninitialized(x.dataType(), x.rows(), classes());
        Gemm.gemm(x, weight, z, false, false, 1.0, 0.0);
        return bias == null ? z : z.addiRowVector(bias);
    }

    /** Mean CE of one batch, the error {@code softmax - onehot} per sample, and the parameter gradients. */
    public record Step(double loss, INDArray error, List<INDArray> gradients) {
    }

    /**
     * Mean cross-entropy over the batch and its gradients with respect to weight and bias (without any weight
     * decay: the optimiser adds that). {@code error} is softmax(logits) - onehot(y), not divided by n. The softmax
     * runs on the host in double (batch x classes is small); the gemm takes x transposed by flag, never
     * materialised.
     */
    public Step lossAndGradients(INDArray x, int[] labels) {
        int n = labels.length;
        SoftmaxCrossEntropy.Result ce = SoftmaxCrossEntropy.withGradient(logits(x), labels, 1.0);
        INDArray error = ce.gradient();
        INDArray dW = Nd4j.createUninitialized(x.dataType(), inputs(), classes());
        Gemm.gemm(x, error, dW, true, false, 1.0 / n, 0.0);                 // x^T error / n
        if (bias == null) {
            return new Step(ce.lossSum() / n, error, List.of(dW));
        }
        INDArray dBias = Steps.columnSums(error).divi(n).reshape(bias.shape()).dup(); // the optimiser wants no view
        return new Step(ce.lossSum() / n, error, List.of(dW, dBias));
    }

    /** Row-wise softmax, shifted by the row maximum for stability. */
    public static INDArray softmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(1).reshape(logits.size(0), 1));
        INDArray e = Transforms.exp(shifted, false);
        return e.diviColumnVector(e.sum(1).reshape(logits.size(0), 1));
    }

    /** Sum over rows of -log softmax(logits)[label], computed with log-sum-exp in double. */
    public static double crossEntropySum(INDArray logits, int[] labels) {
        return SoftmaxCrossEntropy.evaluate(logits, labels).lossSum();
    }

    /** Row-wise argmax (first maximum). */
    public static int[] argmax(INDArray scores) {
        return SoftmaxCrossEntropy.argmaxRows(scores.castTo(DataType.DOUBLE).dup('c').data().asDouble(),
                (int) scores.rows(), (int) scores.columns());
    }

    public static INDArray oneHot(int[] labels, int classes, DataType type) {
        INDArray y = Nd4j.zeros(type, labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            y.putScalar(i, labels[i], 1.0);
        }
        return y;
    }
}
