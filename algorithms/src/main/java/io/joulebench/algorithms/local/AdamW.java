package io.joulebench.algorithms.local;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam with decoupled weight decay, as PyTorch's {@code torch.optim.AdamW} (and {@code Adam} when the decay is 0):
 * {@code p *= 1 - lr*wd; m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}.
 *
 * <p>The moments live on the Java heap and the whole update is one fused loop per tensor between a bulk read of p
 * and g and a bulk write of p: measured about 8x faster here than ND4J's {@code adam_updater} op plus the
 * separate decay and subtraction (the default ND4J CPU build runs element-wise ops unvectorised), and faster than
 * the same loop reading the native buffers in place (which the JIT does not vectorise). For large layers the
 * update is memory-bound.
 */
public final class AdamW extends HostOptimizer {
    private static final int M = 0;
    private static final int V = 1;

    private final double weightDecay;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double decay;
    private double stepSize;
    private double invSqrtBc2;

    public AdamW(List<INDArray> params, double weightDecay) {
        this(params, weightDecay, 0.9, 0.999, 1e-8);
    }

    public AdamW(List<INDArray> params, double weightDecay, double beta1, double beta2, double eps) {
        super(params, 2);
        this.weightDecay = weightDecay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    void prepare(int step, double lr) {
        stepSize = lr / (1 - Math.pow(beta1, step));
        invSqrtBc2 = 1 / Math.sqrt(1 - Math.pow(beta2, step));
        decay = 1 - lr * weightDecay;
    }

    @Override
    void update(float[] p, float[] g, float[][] state) {
        float[] m = state[M];
        float[] v = state[V];
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        float fDecay = (float) decay;
        float fStep = (float) stepSize;
        float fInv = (float) invSqrtBc2;
        float fEps = (float) eps;
        for (int j = 0; j < p.length; j++) {
            float gj = g[j];
            float mj = b1 * m[j] + c1 * gj;
            float vj = b2 * v[j] + c2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] = p[j] * fDecay - fStep * mj / ((float) Math.sqrt(vj) * fInv + fEps);
        }
    }

    @Override
    void update(double[] p, double[] g, double[][] state) {
        double[] m = state[M];
        double[] v = state[V];
        double c1 = 1 - beta1;
        double c2 = 1 - beta2;
        for (int j = 0; j < p.length; j++) {
            double gj = g[j];
            double mj = beta1 * m[j] + c1 * gj;
            double vj = beta2 * v[j] + c2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] = p[j] * decay - stepSize * mj / (Math.sqrt(vj) * invSqrtBc2 + eps);
        }
    }
}
