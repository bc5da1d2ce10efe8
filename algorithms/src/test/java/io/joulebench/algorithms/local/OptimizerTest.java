package io.joulebench.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OptimizerTest {
    static final double[] P0 = {0.5, -1.5, 2.0, 0.0, 3e-3};
    /** A different gradient every step, including a zero and sign changes. */
    static double[] grad(int t) {
        return new double[] {0.1 * t, -0.3, Math.sin(t), 0.0, 1e-4 * (t % 2 == 0 ? 1 : -1)};
    }

    @Test
    void adamWMatchesPyTorchsFormulaStepByStep() {
        double lr = 1e-2;
        double wd = 0.05;
        INDArray p = Nd4j.create(P0, new long[] {5}, DataType.DOUBLE);
        Adam adam = Adam.decoupled(List.of(p), wd);
        double[] ref = P0.clone();
        double[] m = new double[5];
        double[] v = new double[5];
        for (int t = 1; t <= 7; t++) {
            double[] g = grad(t);
            for (int i = 0; i < 5; i++) {
                // torch.optim.AdamW: decay, moments, bias-corrected step.
                ref[i] *= 1 - lr * wd;
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                ref[i] -= lr / (1 - Math.pow(0.9, t)) * m[i] / denom;
            }
            adam.step(List.of(Nd4j.create(g, new long[] {5}, DataType.DOUBLE)), lr);
            assertArrayEquals(ref, p.toDoubleVector(), 1e-12, "step " + t);
        }
        assertEquals(7, adam.steps());
    }

    @Test
    void adamWithL2MatchesTorchAdamsWeightDecayStepByStep() {
        double lr = 1e-2;
        double wd = 0.05;
        INDArray p = Nd4j.create(P0, new long[] {5}, DataType.DOUBLE);
        Adam adam = Adam.l2(List.of(p), wd);
        double[] ref = P0.clone();
        double[] m = new double[5];
        double[] v = new double[5];
        for (int t = 1; t <= 7; t++) {
            double[] g = grad(t);
            for (int i = 0; i < 5; i++) {
                // torch.optim.Adam(weight_decay=wd): the L2 term joins the gradient; no separate decay.
                double d = g[i] + wd * ref[i];
                m[i] = 0.9 * m[i] + 0.1 * d;
                v[i] = 0.999 * v[i] + 0.001 * d * d;
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                ref[i] -= lr / (1 - Math.pow(0.9, t)) * m[i] / denom;
            }
            adam.step(List.of(Nd4j.create(g, new long[] {5}, DataType.DOUBLE)), lr);
            assertArrayEquals(ref, p.toDoubleVector(), 1e-12, "step " + t);
        }
    }

    @Test
    void sgdMomentumMatchesPyTorchsFormulaStepByStep() {
        double lr = 0.1;
        double wd = 0.01;
        INDArray p = Nd4j.create(P0, new long[] {5}, DataType.DOUBLE);
        SgdMomentum sgd = new SgdMomentum(List.of(p), wd, 0.9);
        double[] ref = P0.clone();
        double[] buf = new double[5];
        for (int t = 1; t <= 5; t++) {
            double[] g = grad(t);
            for (int i = 0; i < 5; i++) {
                double d = g[i] + wd * ref[i];
                buf[i] = t == 1 ? d : 0.9 * buf[i] + d;
                ref[i] -= lr * buf[i];
            }
            sgd.step(List.of(Nd4j.create(g, new long[] {5}, DataType.DOUBLE)), lr);
            assertArrayEquals(ref, p.toDoubleVector(), 1e-14, "step " + t);
        }
    }

    @Test
    void float32PathsAgreeWithTheDoublePaths() {
        INDArray pd = Nd4j.create(P0, new long[] {5}, DataType.DOUBLE);
        INDArray pf = pd.castTo(DataType.FLOAT);
        INDArray qd = pd.dup();
        INDArray qf = pf.dup();
        Adam ad = Adam.decoupled(List.of(pd), 0.05);
        Adam af = Adam.decoupled(List.of(pf), 0.05);
        SgdMomentum sd = new SgdMomentum(List.of(qd), 0.01, 0.9);
        SgdMomentum sf = new SgdMomentum(List.of(qf), 0.01, 0.9);
        for (int t = 1; t <= 6; t++) {
            INDArray g = Nd4j.create(grad(t), new long[] {5}, DataType.DOUBLE);
            ad.step(List.of(g.dup()), 1e-2);
            af.step(List.of(g.castTo(DataType.FLOAT)), 1e-2);
            sd.step(List.of(g.dup()), 0.1);
            sf.step(List.of(g.castTo(DataType.FLOAT)), 0.1);
        }
        assertArrayEquals(pd.toDoubleVector(), pf.toDoubleVector(), 1e-5);
        assertArrayEquals(qd.toDoubleVector(), qf.toDoubleVector(), 1e-5);
    }

    @Test
    void rejectsGradientsOfTheWrongShape() {
        INDArray p = Nd4j.zeros(DataType.FLOAT, 2, 3);
        Adam adam = Adam.decoupled(List.of(p), 0);
        assertThrows(IllegalArgumentException.class, () -> adam.step(List.of(Nd4j.zeros(DataType.FLOAT, 3, 2)), 1));
    }

    @Test
    void plateauCountsEpochsWithoutAnImprovementBeyondMinDelta() {
        Plateau min = new Plateau(Plateau.Mode.MIN, 2, 0.1);
        assertTrue(min.update(1, 1.0).improved());
        assertFalse(min.update(2, 0.95).improved(), "0.05 is not more than min delta");
        Plateau.Decision d = min.update(3, 0.9);
        assertFalse(d.improved(), "exactly min delta is not an improvement");
        assertTrue(d.stop(), "two epochs without improvement with patience 2");
        assertEquals(1, min.bestEpoch());

        Plateau max = new Plateau(Plateau.Mode.MAX, 3, 1e-4);
        assertTrue(max.update(1, 0.50).improved());
        assertTrue(max.update(2, 0.5002).improved());
        assertFalse(max.update(3, 0.5002).stop());
        assertFalse(max.update(4, Double.NaN).stop(), "NaN never improves");
        assertTrue(max.update(5, 0.5).stop());
        assertEquals(2, max.bestEpoch());
        assertEquals(0.5002, max.best());
    }
}
