package io.joulebench.algorithms.cafo;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam as {@code torch.optim.Adam} computes it, including its coupled weight decay: the L2 term {@code wd * p}
 * is added to the gradient before the moment updates (the study used Adam with weight_decay, not AdamW).
 * Updates the parameters in place; moment buffers are allocated once, up front.
 */
final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final List<INDArray> params;
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();
    private final double lr;
    private final double weightDecay;
    private int step;

    Adam(List<INDArray> params, double lr, double weightDecay) {
        this.params = List.copyOf(params);
        this.lr = lr;
        this.weightDecay = weightDecay;
        for (INDArray p : params) {
            m.add(p.ulike().assign(0));
            v.add(p.ulike().assign(0));
        }
    }

    /** The gradient Adam's moments see: the loss gradient plus wd * p, i.e. the gradient of loss + wd/2 |p|^2. */
    static INDArray withWeightDecay(INDArray p, INDArray grad, double weightDecay) {
        return weightDecay == 0 ? grad : grad.add(p.mul(weightDecay));
    }

    /** One step with these gradients (same order and shapes as the parameters). */
    void step(List<INDArray> grads) {
        if (grads.size() != params.size()) {
            throw new IllegalArgumentException(grads.size() + " gradients for " + params.size() + " parameters");
        }
        step++;
        double bc1 = 1 - Math.pow(BETA1, step);
        double bc2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.get(i);
            INDArray g = withWeightDecay(p, grads.get(i).reshape(p.shape()), weightDecay);
            m.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            v.get(i).muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            // p -= lr * (m / bc1) / (sqrt(v / bc2) + eps)
            INDArray denom = Transforms.sqrt(v.get(i).div(bc2), false).addi(EPS);
            p.subi(m.get(i).div(denom).muli(lr / bc1));
        }
    }
}
