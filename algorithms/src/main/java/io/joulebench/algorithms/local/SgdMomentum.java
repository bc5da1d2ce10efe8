package io.joulebench.algorithms.local;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with momentum as PyTorch's {@code torch.optim.SGD} (dampening 0, not Nesterov): the weight decay is L2,
 * added to the gradient ({@code d = g + wd p}); {@code buf = mu buf + d} (the first step sets {@code buf = d});
 * {@code p -= lr buf}. One fused Java loop per tensor, as {@link Adam}.
 */
public final class SgdMomentum extends HostOptimizer {
    private final double weightDecay;
    private final double momentum;
    private double lr;

    public SgdMomentum(List<INDArray> params, double weightDecay, double momentum) {
        super(params, 1);
        this.weightDecay = weightDecay;
        this.momentum = momentum;
    }

    @Override
    void prepare(int step, double learningRate) {
        lr = learningRate;
    }

    // With the buffer at zero, mu * 0 + d = d: the first step needs no special case.
    @Override
    void update(float[] p, float[] g, float[][] state) {
        float[] b = state[0];
        float wd = (float) weightDecay;
        float mu = (float) momentum;
        float rate = (float) lr;
        for (int j = 0; j < b.length; j++) { // p and g are shared scratch, possibly longer
            float bj = mu * b[j] + (g[j] + wd * p[j]);
            b[j] = bj;
            p[j] -= rate * bj;
        }
    }

    @Override
    void update(double[] p, double[] g, double[][] state) {
        double[] b = state[0];
        for (int j = 0; j < b.length; j++) { // p and g are shared scratch, possibly longer
            double bj = momentum * b[j] + (g[j] + weightDecay * p[j]);
            b[j] = bj;
            p[j] -= lr * bj;
        }
    }
}
