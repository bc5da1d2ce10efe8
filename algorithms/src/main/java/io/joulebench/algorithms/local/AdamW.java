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
public final class AdamW implements Optimizer {
    private final List<INDArray> params;
    private final boolean[] single;
    private final float[][] mf;
    private final float[][] vf;
    private final float[][] pf;
    private final float[][] gf;
    private final double[][] md;
    private final double[][] vd;
    private final double[][] pd;
    private final double[][] gd;
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
        int n = params.size();
        single = new boolean[n];
        mf = new float[n][];
        vf = new float[n][];
        pf = new float[n][];
        gf = new float[n][];
        md = new double[n][];
        vd = new double[n][];
        pd = new double[n][];
        gd = new double[n][];
        for (int i = 0; i < n; i++) {
            INDArray p = params.get(i);
            HostCopy.checkWhole(p);
            int len = (int) p.length();
            single[i] = HostCopy.isFloat(p);
            if (single[i]) {
                mf[i] = new float[len];
                vf[i] = new float[len];
                pf[i] = new float[len];
                gf[i] = new float[len];
            } else {
                md[i] = new double[len];
                vd[i] = new double[len];
                pd[i] = new double[len];
                gd[i] = new double[len];
            }
        }
    }

    @Override
    public void step(List<INDArray> gradients, double lr) {
        Steps.checkSameShapes(params, gradients);
        t++;
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, t));
        double decay = 1 - lr * weightDecay;
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.get(i);
            INDArray g = gradients.get(i);
            HostCopy.checkWhole(g);
            if (single[i]) {
                HostCopy.read(p, pf[i]);
                HostCopy.read(g, gf[i]);
                updateFloat(pf[i], gf[i], mf[i], vf[i], (float) decay, (float) beta1, (float) beta2,
                        (float) stepSize, (float) (1 / sqrtBc2), (float) eps);
                HostCopy.write(pf[i], p);
            } else {
                HostCopy.read(p, pd[i]);
                HostCopy.read(g, gd[i]);
                updateDouble(pd[i], gd[i], md[i], vd[i], decay, stepSize, 1 / sqrtBc2);
                HostCopy.write(pd[i], p);
            }
        }
    }

    private static void updateFloat(float[] p, float[] g, float[] m, float[] v, float decay, float b1, float b2,
                                    float stepSize, float invSqrtBc2, float eps) {
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        for (int j = 0; j < p.length; j++) {
            float gj = g[j];
            float mj = b1 * m[j] + c1 * gj;
            float vj = b2 * v[j] + c2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] = p[j] * decay - stepSize * mj / ((float) Math.sqrt(vj) * invSqrtBc2 + eps);
        }
    }

    private void updateDouble(double[] p, double[] g, double[] m, double[] v, double decay, double stepSize,
                              double invSqrtBc2) {
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

    @Override
    public int steps() {
        return t;
    }

    @Override
    public void reset() {
        t = 0;
        for (int i = 0; i < params.size(); i++) {
            if (single[i]) {
                java.util.Arrays.fill(mf[i], 0f);
                java.util.Arrays.fill(vf[i], 0f);
            } else {
                java.util.Arrays.fill(md[i], 0);
                java.util.Arrays.fill(vd[i], 0);
            }
        }
    }
}
