package io.joulebench.algorithms.local;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam with decoupled weight decay, as PyTorch's {@code torch.optim.AdamW} (and {@code Adam} when the decay is 0):
 * {@code p *= 1 - lr*wd; m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}.
 *
 * <p>The moment update and the step run in ND4J's fused {@code adam_updater} op. That op computes
 * {@code lr sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v) + eps')}; passing {@code eps' = eps sqrt(1-b2^t)} makes it exactly
 * PyTorch's formula (multiply numerator and denominator by {@code sqrt(1-b2^t)}).
 */
public final class AdamW implements Optimizer {
    private final List<INDArray> params;
    private final INDArray[] m;
    private final INDArray[] v;
    private final double weightDecay;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private int t;

    public AdamW(List<INDArray> params, double weightDecay) {
        this(params, weightDecay, 0.9, 0.999, 1e-8);
    }

    public AdamW(List<INDArray> params, double weightDecay, double beta1, double beta2, double eps) {
        this.params = List.copyOf(params);
        this.weightDecay = weightDecay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new INDArray[params.size()];
        this.v = new INDArray[params.size()];
        for (int i = 0; i < params.size(); i++) {
            m[i] = Steps.persistentZerosLike(params.get(i));
            v[i] = Steps.persistentZerosLike(params.get(i));
        }
    }

    @Override
    public void step(List<INDArray> gradients, double lr) {
        Steps.checkSameShapes(params, gradients);
        t++;
        double bc2 = 1 - Math.pow(beta2, t);
        double epsPrime = eps * Math.sqrt(bc2);
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.get(i);
            INDArray g = gradients.get(i);
            if (weightDecay != 0) {
                p.muli(1 - lr * weightDecay);
            }
            // In place: g becomes the step, v and m their new values. The op counts iterations from 0.
            Nd4j.exec(new AdamUpdater(g, v[i], m[i], lr, beta1, beta2, epsPrime, t - 1));
            p.subi(g);
        }
    }

    @Override
    public int steps() {
        return t;
    }

    @Override
    public void reset() {
        t = 0;
        for (int i = 0; i < m.length; i++) {
            m[i].assign(0);
            v[i].assign(0);
        }
    }
}
