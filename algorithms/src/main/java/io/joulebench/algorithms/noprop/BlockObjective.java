package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.LinearHead;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Block t's NoProp-DT loss on a batch of B samples, with its gradients:
 * {@code CE(head(z_T), y) + KL(q(z_0|y) || N(0, I)) + (T eta / 2B)(SNR(t) - SNR(t-1)) sum_i ||u_hat_t(z_{t-1,i}, x_i)
 * - u_{y_i}||^2}, {@code z_s = sqrt(abar_s) u_y + sqrt(1 - abar_s) eps}. CE and KL are means over the batch.
 * Only block t, the head and the embedding learn from it; the embedding's gradient flows through every place u_y
 * appears (the target, both noisy samples, the mixture, the KL), as autograd would in the paper's objective.
 */
final class BlockObjective {
    private BlockObjective() {
    }

    /** The noise of one step: {@code eps} for z_{t-1} and for z_T, each {@code [B, d]}. */
    record Noise(INDArray previous, INDArray last) {
    }

    /**
     * The loss terms (batch means) and the gradients of their sum: block's in its parameter order, head's (weight,
     * bias), and the embedding's (null when it is fixed).
     */
    record Result(double loss, double denoising, double crossEntropy, double kl,
                  List<INDArray> block, List<INDArray> head, INDArray embedding) {
    }

    static Result lossAndGradients(DenoisingBlock block, int t, NoiseSchedule schedule, double eta,
                                   ClassEmbedding embedding, LinearHead head, INDArray images, int[] labels,
                                   Noise noise) {
        int n = labels.length;
        int last = schedule.blocks();
        INDArray target = embedding.rows(labels);
        INDArray embeddingGradient = embedding.learned ? Nd4j.zeros(target.dataType(), embedding.classes(),
                embedding.dim()) : null;

        INDArray zPrevious = sample(schedule.abar(t - 1), target, noise.previous());
        ClassEmbedding.Mix mix = embedding.mix(block.forward(images, zPrevious, true));
        INDArray diff = mix.prediction().sub(target);
        double weight = schedule.denoisingWeight(t, eta) / n;
        double denoising = weight * diff.mul(diff).sumNumber().doubleValue();
        INDArray dPrediction = diff.mul(2 * weight);
        INDArray dLogits = embedding.mixBackward(mix, dPrediction, embeddingGradient);
        DenoisingBlock.Gradients blockGradients = block.backward(dLogits, embedding.learned);

        INDArray zLast = sample(schedule.abar(last), target, noise.last());
        LinearHead.Step headStep = head.lossAndGradients(zLast, labels);
        double abar0 = schedule.abar(0);
        double kl = 0.5 * abar0 * target.mul(target).sumNumber().doubleValue() / n
                + 0.5 * embedding.dim() * (-abar0 - Math.log1p(-abar0));
        if (embedding.learned) {
            INDArray dTarget = dPrediction.neg()
                    .addi(blockGradients.z().mul(Math.sqrt(schedule.abar(t - 1))))
                    .addi(target.mul(abar0 / n));
            INDArray dLast = Nd4j.createUninitialized(target.dataType(), n, embedding.dim());
            Gemm.gemm(headStep.error(), head.weight, dLast, false, true, Math.sqrt(schedule.abar(last)) / n, 0.0);
            embedding.rowsBackward(labels, dTarget.addi(dLast), embeddingGradient);
        }
        return new Result(denoising + headStep.loss() + kl, denoising, headStep.loss(), kl,
                blockGradients.parameters(), headStep.gradients(), embeddingGradient);
    }

    /** {@code sqrt(abar) u + sqrt(1 - abar) eps}. */
    static INDArray sample(double abar, INDArray u, INDArray eps) {
        return u.mul(Math.sqrt(abar)).addi(eps.mul(Math.sqrt(1 - abar)));
    }
}
