package io.joulebench.algorithms.local;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every fused host-loop optimiser shares: per parameter, {@code stateArrays} Java-heap state arrays (moments,
 * momentum buffer) in float or double to match the tensor, and two scratch arrays for the parameter and its
 * gradient, shared by all parameters of a precision (sized to the largest: a step updates one tensor at a time,
 * so one pair serves them all instead of a copy of the whole model twice over). A step bulk-reads p and g into
 * the scratch, runs the subclass's update loop, and bulk-writes p back.
 */
abstract class HostOptimizer implements Optimizer {
    private final List<INDArray> params;
    private final boolean[] single;
    // Scratch for p and g (shared, as long as the largest tensor of that precision); per parameter, in its
    // precision (the other precision's slot stays null), the state.
    private final float[] pf;
    private final float[] gf;
    private final float[][][] sf;
    private final double[] pd;
    private final double[] gd;
    private final double[][][] sd;
    private int t;

    HostOptimizer(List<INDArray> params, int stateArrays) {
        this.params = List.copyOf(params);
        int n = params.size();
        single = new boolean[n];
        sf = new float[n][][];
        sd = new double[n][][];
        int floats = 0;
        int doubles = 0;
        for (int i = 0; i < n; i++) {
            INDArray p = params.get(i);
            HostCopy.checkWhole(p);
            int len = (int) p.length();
            single[i] = HostCopy.isFloat(p);
            if (single[i]) {
                sf[i] = new float[stateArrays][len];
                floats = Math.max(floats, len);
            } else {
                sd[i] = new double[stateArrays][len];
                doubles = Math.max(doubles, len);
            }
        }
        pf = new float[floats];
        gf = new float[floats];
        pd = new double[doubles];
        gd = new double[doubles];
    }

    /** Called once per step, before any tensor is updated, with the step number (1 for the first). */
    abstract void prepare(int step, double lr);

    /**
     * Updates the first {@code n} values of {@code p} in place from those of {@code g} and this tensor's
     * {@code state} arrays (which hold exactly {@code n}).
     */
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
                HostCopy.read(p, pf);
                HostCopy.read(g, gf);
                update(pf, gf, sf[i]);
                HostCopy.write(pf, p);
            } else {
                HostCopy.read(p, pd);
                HostCopy.read(g, gd);
                update(pd, gd, sd[i]);
                HostCopy.write(pd, p);
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
