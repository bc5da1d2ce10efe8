package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.SeededInit;
import io.joulebench.algorithms.local.Steps;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A linear layer {@code y = x W + b} (W {@code [in, out]}), PyTorch's default init, on the local gemm. */
final class Dense {
    final INDArray weight;
    final INDArray bias;
    private INDArray input;
    private INDArray weightGradient;
    private INDArray biasGradient;

    Dense(int in, int out, DataType type, SplittableRandom rng) {
        weight = SeededInit.pytorchDefault(type, in, rng, in, out);
        bias = SeededInit.pytorchDefault(type, in, rng, 1, out);
    }

    int inputs() {
        return (int) weight.rows();
    }

    int outputs() {
        return (int) weight.columns();
    }

    List<INDArray> parameters() {
        return List.of(weight, bias);
    }

    /** Gradients of the last {@link #backward}, in {@link #parameters()} order. */
    List<INDArray> gradients() {
        return List.of(weightGradient, biasGradient);
    }

    /** The output; with {@code train} the input is kept for backward. */
    INDArray forward(INDArray x, boolean train) {
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.rows(), outputs());
        Gemm.gemm(x, weight, y, false, false, 1.0, 0.0);
        input = train ? x : null;
        return y.addiRowVector(bias);
    }

    /** Stores the parameter gradients of {@code sum <dY, y>}; returns the input gradient when asked, else null. */
    INDArray backward(INDArray dY, boolean inputGradient) {
        weightGradient = Nd4j.createUninitialized(dY.dataType(), inputs(), outputs());
        Gemm.gemm(input, dY, weightGradient, true, false, 1.0, 0.0);
        biasGradient = Steps.columnSums(dY);
        if (!inputGradient) {
            return null;
        }
        INDArray dX = Nd4j.createUninitialized(dY.dataType(), dY.rows(), inputs());
        Gemm.gemm(dY, weight, dX, false, true, 1.0, 0.0);
        return dX;
    }

    /** Gemm flops of the forward pass of one row. */
    double forwardFlops() {
        return 2.0 * inputs() * outputs();
    }
}
