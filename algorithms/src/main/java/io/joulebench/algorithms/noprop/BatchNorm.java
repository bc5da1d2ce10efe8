package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.local.Steps;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * BatchNorm1d over the columns of a {@code [n, features]} matrix, as PyTorch: eps 1e-5, biased batch variance in
 * training, running statistics with momentum 0.1 and the unbiased variance, gamma 1, beta 0.
 */
final class BatchNorm {
    private static final double EPS = 1e-5;
    private static final double MOMENTUM = 0.1;

    final INDArray gamma;
    final INDArray beta;
    final INDArray runningMean;
    final INDArray runningVar;
    private INDArray normalised;
    private INDArray invStd;
    private INDArray gammaGradient;
    private INDArray betaGradient;

    BatchNorm(int features, DataType type) {
        gamma = Steps.persistentZeros(type, 1, features).addi(1);
        beta = Steps.persistentZeros(type, 1, features);
        runningMean = Steps.persistentZeros(type, 1, features);
        runningVar = Steps.persistentZeros(type, 1, features).addi(1);
    }

    List<INDArray> parameters() {
        return List.of(gamma, beta);
    }

    /** What inference reads besides the parameters. */
    List<INDArray> buffers() {
        return List.of(runningMean, runningVar);
    }

    List<INDArray> gradients() {
        return List.of(gammaGradient, betaGradient);
    }

    INDArray forward(INDArray x, boolean train) {
        long n = x.rows();
        if (!train) {
            INDArray inv = Transforms.pow(runningVar.add(EPS), -0.5, false);
            return x.subRowVector(runningMean).muliRowVector(inv).muliRowVector(gamma).addiRowVector(beta);
        }
        INDArray mean = x.mean(0).reshape(1, x.columns());
        INDArray centred = x.subRowVector(mean);
        INDArray variance = centred.mul(centred).mean(0).reshape(1, x.columns()); // biased
        invStd = Transforms.pow(variance.add(EPS), -0.5, false);
        normalised = centred.muliRowVector(invStd);
        runningMean.muli(1 - MOMENTUM).addi(mean.mul(MOMENTUM));
        double unbias = n > 1 ? (double) n / (n - 1) : 1;
        runningVar.muli(1 - MOMENTUM).addi(variance.mul(MOMENTUM * unbias));
        return normalised.mulRowVector(gamma).addiRowVector(beta);
    }

    /** Stores gamma and beta gradients; returns the input gradient through the batch statistics. */
    INDArray backward(INDArray dY) {
        long n = dY.rows();
        betaGradient = Steps.columnSums(dY);
        gammaGradient = Steps.columnSums(dY.mul(normalised));
        // dx = invStd / n * (n dxhat - sum dxhat - xhat sum(dxhat xhat)), dxhat = dy gamma
        INDArray dHat = dY.mulRowVector(gamma);
        INDArray sumHat = betaGradient.mul(gamma);
        INDArray sumHatX = gammaGradient.mul(gamma);
        return dHat.muli(n).subiRowVector(sumHat).subi(normalised.mulRowVector(sumHatX))
                .muliRowVector(invStd).divi(n);
    }
}
