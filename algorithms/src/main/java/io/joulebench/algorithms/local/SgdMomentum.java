package io.joulebench.algorithms.local;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with momentum as PyTorch's {@code torch.optim.SGD} (dampening 0, not Nesterov): the weight decay is L2,
 * added to the gradient ({@code d = g + wd p}); {@code buf = mu buf + d} (the first step sets {@code buf = d});
 * {@code p -= lr buf}. One fused Java loop per tensor, as {@link AdamW}.
 */
public final class SgdMomentum implements Optimizer {
    private final List<INDArray> params;
    private final boolean[] single;
    private final float[][] bf;
    private final float[][] pf;
    private final float[][] gf;
    private final double[][] bd;
    private final double[][] pd;
    private final double[][] gd;
    private final double weightDecay;
    private final double momentum;
    private int t;

    public SgdMomentum(List<INDArray> params, double weightDecay, double momentum) {
        this.params = List.copyOf(params);
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        int n = params.size();
        single = new boolean[n];
        bf = new float[n][];
        pf = new float[n][];
        gf = new float[n][];
        bd = new double[n][];
        pd = new double[n][];
        gd = new double[n][];
        for (int i = 0; i < n; i++) {
            INDArray p = params.get(i);
            HostCopy.checkWhole(p);
            int len = (int) p.length();
            single[i] = HostCopy.isFloat(p);
            if (single[i]) {
                bf[i] = new float[len];
                pf[i] = new float[len];
                gf[i] = new float[len];
            } else {
                bd[i] = new double[len];
                pd[i] = new double[len];
                gd[i] = new double[len];
            }
        }
    }

    @Override
    public void step(List<INDArray> gradients, double lr) {
        Steps.checkSameShapes(params, gradients);
        t++;
        // With the buffer at zero, mu * 0 + d = d: the first step needs no special case.
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.get(i);
            INDArray g = gradients.get(i);
            HostCopy.checkWhole(g);
            if (single[i]) {
                float[] pp = pf[i];
                float[] gg = gf[i];
                float[] b = bf[i];
                HostCopy.read(p, pp);
                HostCopy.read(g, gg);
                float wd = (float) weightDecay;
                float mu = (float) momentum;
                float rate = (float) lr;
                for (int j = 0; j < pp.length; j++) {
                    float bj = mu * b[j] + (gg[j] + wd * pp[j]);
                    b[j] = bj;
                    pp[j] -= rate * bj;
                }
                HostCopy.write(pp, p);
            } else {
                double[] pp = pd[i];
                double[] gg = gd[i];
                double[] b = bd[i];
                HostCopy.read(p, pp);
                HostCopy.read(g, gg);
                for (int j = 0; j < pp.length; j++) {
                    double bj = momentum * b[j] + (gg[j] + weightDecay * pp[j]);
                    b[j] = bj;
                    pp[j] -= lr * bj;
                }
                HostCopy.write(pp, p);
            }
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
                java.util.Arrays.fill(bf[i], 0f);
            } else {
                java.util.Arrays.fill(bd[i], 0);
            }
        }
    }
}
