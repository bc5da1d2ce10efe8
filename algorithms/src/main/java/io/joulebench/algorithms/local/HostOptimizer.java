package io.joulebench.algorithms.local;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every fused host-loop optimiser shares: per parameter, Java-heap copies of the parameter and its gradient
 * plus {@code stateArrays} state arrays (moments, momentum buffer), in float or double to match the tensor. A step
 * bulk-reads p and g, runs the subclass's update loop, and bulk-writes p back.
 */
abstract class HostOptimizer implements Optimizer {
    private final List<INDArray> params;
    private final boolean[] single;
    // Per parameter, in its precision (the other precision's slots stay null): host copies of p and g, and state.
    private final float[][] pf;
    private final float[][] gf;
    private final float[][][] sf;
    private final double[][] pd;
    private final double[][] gd;
    private final double[][][] sd;
    private int t;

    HostOptimizer(List<INDArray> params, int stateArrays) {
        this.params = List.copyOf(params);
        int n = params.size();
        single = new boolean[n];
        pf = new float[n][];
        gf = new float[n][];
        sf = new float[n][][];
        pd = new double[n][];
        gd = new double[n][];
        sd = new double[n][][];
        for (int i = 0; i < n; i++) {
            INDArray p = params.get(i);
            HostCopy.checkWhole(p);
            int len = (int) p.length();
            single[i] = HostCopy.isFloat(p);
            if (single[i]) {
                pf[i] = new float[len];
                gf[i] = new float[len];
                sf[i] = new float[stateArrays][len];
            } else {
                pd[i] = new double[len];
                gd[i] = new double[len];
                sd[i] = new double[stateArrays][len];
            }
        }
    }

    /** Called once per step, before any tensor is updated, with the step number (1 for the first). */
    abstract void prepare(int step, double lr);

    /** Updates {@code p} in place from {@code g} and this tensor's {@code state} arrays. */
    abstract void update(float[] p, float[] g, float[][] state);

    abstract void update(double[] p, double[] g, double[][] state);

    @Override
    public final void step(List<INDArray> gradients, double lr) {
        Steps.checkSameShapes(params, gradients);
        t++;
        prepare(t, lr);
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.get(i);
            INDArray g = gradients.get(i);
            HostCopy.checkWhole(g);
            if (single[i]) {
                HostCopy.read(p, pf[i]);
                HostCopy.read(g, gf[i]);
                update(pf[i], gf[i], sf[i]);
                HostCopy.write(pf[i], p);
            } else {
                HostCopy.read(p, pd[i]);
                HostCopy.read(g, gd[i]);
                update(pd[i], gd[i], sd[i]);
                HostCopy.write(pd[i], p);
            }
        }
    }

    @Override
    public final int steps() {
        return t;
    }

    @Override
    public final void reset() {
        t = 0;
        for (int i = 0; i < params.size(); i++) {
            if (single[i]) {
                for (float[] state : sf[i]) {
                    Arrays.fill(state, 0f);
                }
            } else {
                for (double[] state : sd[i]) {
                    Arrays.fill(state, 0);
                }
            }
        }
    }
}
