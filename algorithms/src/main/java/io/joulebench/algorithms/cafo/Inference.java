package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.local.LinearHead;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** How the predictors' outputs combine into a class: sum of logits (the study) or of softmax outputs (the original). */
enum Inference {
    LOGITS("logits"), SOFTMAX("softmax");

    final String id;

    Inference(String id) {
        this.id = id;
    }

    static Inference of(String id) {
        for (Inference i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown inference rule '" + id + "' (logits or softmax)");
    }

    /** This predictor's contribution to the cascade score. */
    INDArray contribution(INDArray logits) {
        return this == LOGITS ? logits.dup() : LinearHead.softmax(logits);
    }

    /** The summed score of several predictors' logits for the same samples. */
    INDArray combine(List<INDArray> logitsPerPredictor) {
        INDArray sum = null;
        for (INDArray l : logitsPerPredictor) {
            INDArray c = contribution(l);
            sum = sum == null ? c : sum.addi(c);
        }
        if (sum == null) {
            throw new IllegalArgumentException("no predictors to combine");
        }
        return sum;
    }

    int[] predict(List<INDArray> logitsPerPredictor) {
        return LinearHead.argmax(combine(logitsPerPredictor));
    }
}
