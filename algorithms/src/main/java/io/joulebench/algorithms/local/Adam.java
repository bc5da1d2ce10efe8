package io.joulebench.algorithms.local;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam as PyTorch computes it, with its weight decay either decoupled ({@link Decay#DECOUPLED}, as
 * {@code torch.optim.AdamW}: {@code p *= 1 - lr*wd} before the step) or coupled ({@link Decay#L2}, as
 * {@code torch.optim.Adam}'s weight_decay: {@code g += wd*p} before the moments); then
 * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}.
 *
 * <p>The moments live on the Java heap and the whole update is one fused loop per tensor between a bulk read of p
 * and g and a bulk write of p: measured about 8x faster here than ND4J's {@code adam_updater} op plus the
 * separate decay and subtraction (the default ND4J CPU build runs element-wise ops unvectorised), and faster than
 * the same loop reading the native buffers in place (which the JIT does not vectorise). For large layers the
 * update is memory-bound.
 */
public final class Adam extends HostOptimizer {
    /** How the weight decay enters. */
    public enum Decay { DECOUPLED, L2 }

    private static final int M = 0;
    private static final int V = 1;

    private final double weightDecay;
    private final Decay mode;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double decay;
    private double stepSize;
    private double invSqrtBc2;

    /** {@code torch.optim.AdamW} with PyTorch's default betas and eps. */
    public static Adam decoupled(List<INDArray> params, double weightDecay) {
        return new Adam(params, weightDecay, Decay.DECOUPLED, 0.9, 0.999, 1e-8);
    }

    /** {@code torch.optim.Adam} with its weight_decay (an L2 term) and PyTorch's default betas and eps. */
    public static Adam l2(List<INDArray> params, double weightDecay) {
        return new Adam(params, weightDecay, Decay.L2, 0.9, 0.999, 1e-8);
    }

    public Adam(List<INDArray> params, double weightDecay, Decay mode, double beta1, double beta2, double eps) {
        super(params, 2);
        this.weightDecay = weightDecay;
        this.mode = mode;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    void prepare(int step, double lr) {
        stepSize = lr / (1 - Math.pow(beta1, step));
        invSqrtBc2 = 1 / Math.sqrt(1 - Math.pow(beta2, step));
        decay = mode == Decay.DECOUPLED ? 1 - lr * weightDecay : 1;
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
        float l2 = mode == Decay.L2 ? (float) weightDecay : 0f;
        for (int j = 0; j < m.length; j++) { // p and g are shared scratch, possibly longer
            float gj = g[j] + l2 * p[j];
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
        double l2 = mode == Decay.L2 ? weightDecay : 0;
        for (int j = 0; j < m.length; j++) { // p and g are shared scratch, possibly longer
            double gj = g[j] + l2 * p[j];
            double mj = beta1 * m[j] + c1 * gj;
            double vj = beta2 * v[j] + c2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] = p[j] * decay - stepSize * mj / (Math.sqrt(vj) * invSqrtBc2 + eps);
        }
    }
}
