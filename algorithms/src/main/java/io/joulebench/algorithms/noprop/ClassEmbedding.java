package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.LinearHead;
import io.joulebench.algorithms.local.SeededInit;
import io.joulebench.algorithms.local.Steps;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The class embeddings {@code W_embed [C, d]}: fixed one-hot rows (d = C) or learned prototypes. A block's
 * prediction {@code u_hat = softmax(logits) W_embed} is a convex combination of them.
 */
final class ClassEmbedding {
    /** Initial scale of learned prototypes: N(0, 0.1^2) per entry (our choice; the spec leaves it open). */
    static final double PROTOTYPE_STD = 0.1;

    final INDArray weight;
    final boolean learned;

    private ClassEmbedding(INDArray weight, boolean learned) {
        this.weight = weight;
        this.learned = learned;
    }

    static ClassEmbedding oneHot(int classes, DataType type) {
        return new ClassEmbedding(Steps.persistentZeros(type, classes, classes).addi(Nd4j.eye(classes)
                .castTo(type)), false);
    }

    static ClassEmbedding prototype(int classes, int dim, DataType type, SplittableRandom rng) {
        return new ClassEmbedding(SeededInit.normal(type, PROTOTYPE_STD, rng, classes, dim), true);
    }

    int classes() {
        return (int) weight.rows();
    }

    int dim() {
        return (int) weight.columns();
    }

    /** {@code u_y} for each label, {@code [n, d]}. */
    INDArray rows(int[] labels) {
        INDArray y = LinearHead.oneHot(labels, classes(), weight.dataType());
        INDArray u = Nd4j.createUninitialized(weight.dataType(), labels.length, dim());
        Gemm.gemm(y, weight, u, false, false, 1.0, 0.0);
        return u;
    }

    /** The block's class probabilities and their embedding mixture. */
    record Mix(INDArray probabilities, INDArray prediction) {
    }

    Mix mix(INDArray logits) {
        INDArray p = LinearHead.softmax(logits);
        INDArray u = Nd4j.createUninitialized(weight.dataType(), p.rows(), dim());
        Gemm.gemm(p, weight, u, false, false, 1.0, 0.0);
        return new Mix(p, u);
    }

    /** Logit gradient of {@code sum <dU, u_hat>}; adds {@code p^T dU} to {@code embeddingGradient} when learned. */
    INDArray mixBackward(Mix mix, INDArray dU, INDArray embeddingGradient) {
        INDArray p = mix.probabilities();
        INDArray dP = Nd4j.createUninitialized(dU.dataType(), p.rows(), classes());
        Gemm.gemm(dU, weight, dP, false, true, 1.0, 0.0);
        if (learned) {
            Gemm.gemm(p, dU, embeddingGradient, true, false, 1.0, 1.0);
        }
        // softmax Jacobian: p * (dP - <dP, p>) row by row
        INDArray inner = dP.mul(p).sum(1).reshape(p.rows(), 1);
        return dP.subiColumnVector(inner).muli(p);
    }

    /** Adds the gradient reaching the rows {@code u_y} (one per label) to {@code embeddingGradient}. */
    void rowsBackward(int[] labels, INDArray dRows, INDArray embeddingGradient) {
        INDArray y = LinearHead.oneHot(labels, classes(), weight.dataType());
        Gemm.gemm(y, dRows, embeddingGradient, true, false, 1.0, 1.0);
    }
}
