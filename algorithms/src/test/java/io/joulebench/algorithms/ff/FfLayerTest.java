package io.joulebench.algorithms.ff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FfLayerTest {
    static final int N = 6;
    static final int H = 5;
    static final int ROWS = 8;
    static final int POS = 4;
    static final double W_PEER = 0.03;
    static final double MU = 0.9;

    /**
     * The surrogate whose exact gradient is the straight-through one: around the point s0 the activation is
     * {@code a = ReLU(s0) + (s - s0)} (value ReLU(s0), derivative 1 everywhere). Returns {bce, peer, total}.
     */
    static double[] surrogateLoss(double[] w, double[] b, double[] z, double[] s0, double[] rOld) {
        double[] a = new double[ROWS * H];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < H; j++) {
                double s = b[j];
                for (int k = 0; k < N; k++) {
                    s += w[j * N + k] * z[i * N + k];
                }
                a[i * H + j] = Math.max(s0[i * H + j], 0) + (s - s0[i * H + j]);
            }
        }
        double bce = 0;
        for (int i = 0; i < ROWS; i++) {
            double g = 0;
            for (int j = 0; j < H; j++) {
                g += a[i * H + j] * a[i * H + j];
            }
            double x = g - H;
            double t = i < POS ? 1 : 0;
            bce += Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x)));
        }
        bce /= ROWS;
        double[] r = new double[H];
        double rMean = 0;
        for (int j = 0; j < H; j++) {
            double m = 0;
            for (int i = 0; i < POS; i++) {
                m += a[i * H + j];
            }
            r[j] = MU * rOld[j] + (1 - MU) * m / POS;
            rMean += r[j] / H;
        }
        double peer = 0;
        for (int j = 0; j < H; j++) {
            peer += (rMean - r[j]) * (rMean - r[j]) / H;
        }
        return new double[] {bce, peer, bce + W_PEER * peer};
    }

    @Test
    void goodnessBcePlusPeerGradientIsTheStraightThroughSurrogatesGradient() {
        SplittableRandom rng = new SplittableRandom(4);
        FfLayer layer = FfLayer.initialise(N, H, rng, DataType.DOUBLE);
        // Scale up so goodness logits sit on both sides of the threshold, and some pre-activations are negative.
        layer.weights.muli(2.5);
        layer.bias.assign(Nd4j.create(new double[] {0.4, -0.3, 0.2, -0.5, 0.1}, new long[] {1, H}, DataType.DOUBLE));
        double[] rOld = {0.5, 0.7, 0.2, 0.9, 0.4};
        layer.runningMean.assign(Nd4j.create(rOld, new long[] {1, H}, DataType.DOUBLE));
        double[] z = new double[ROWS * N];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextDouble() * 2 - 1;
        }
        INDArray zs = Nd4j.create(z, new long[] {ROWS, N}, DataType.DOUBLE);
        double[] w = layer.weights.dup().data().asDouble();
        double[] b = layer.bias.dup().data().asDouble();
        double[] s0 = new double[ROWS * H];
        int negative = 0;
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < H; j++) {
                double s = b[j];
                for (int k = 0; k < N; k++) {
                    s += w[j * N + k] * z[i * N + k];
                }
                s0[i * H + j] = s;
                negative += s < 0 ? 1 : 0;
            }
        }
        assertEquals(true, negative > 3 && negative < ROWS * H - 3, "both sides of the ReLU are exercised");

        FfLayer.Step step = layer.trainStep(zs, POS, W_PEER, MU);
        double[] ref = surrogateLoss(w, b, z, s0, rOld);
        assertEquals(ref[0], step.bceLoss(), 1e-12, "BCE value");
        assertEquals(ref[1], step.peerLoss(), 1e-12, "peer value");

        double eps = 1e-6;
        double[][] params = {w, b};
        for (int p = 0; p < 2; p++) {
            double[] v = params[p];
            double[] analytic = step.gradients().get(p).data().asDouble();
            double[] numeric = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + eps;
                double up = surrogateLoss(w, b, z, s0, rOld)[2];
                v[i] = keep - eps;
                double down = surrogateLoss(w, b, z, s0, rOld)[2];
                v[i] = keep;
                numeric[i] = (up - down) / (2 * eps);
            }
            assertArrayEquals(numeric, analytic, 1e-8, p == 0 ? "dL/dW" : "dL/db");
        }
        // The running mean moved: r = 0.9 r_old + 0.1 mean over positive rows of ReLU(s0).
        for (int j = 0; j < H; j++) {
            double m = 0;
            for (int i = 0; i < POS; i++) {
                m += Math.max(s0[i * H + j], 0);
            }
            assertEquals(MU * rOld[j] + (1 - MU) * m / POS, layer.runningMean.getDouble(j), 1e-12);
        }
        // The next layer's input has unit rms per row (up to the 1e-8 guard).
        INDArray next = step.next();
        for (int i = 0; i < ROWS; i++) {
            double ms = next.getRow(i).mul(next.getRow(i)).meanNumber().doubleValue();
            assertEquals(1.0, ms, 1e-6);
        }
    }

    @Test
    void bceIsStableForHugeGoodness() {
        FfLayer layer = FfLayer.initialise(3, 2, new SplittableRandom(1), DataType.FLOAT);
        layer.weights.assign(1000);
        INDArray z = Nd4j.create(new float[] {1, 1, 1, 1, 1, 1}, new long[] {2, 3}, DataType.FLOAT);
        FfLayer.Step s = layer.trainStep(z, 1, 0.03, 0.9);
        // Positive row: logit ~ 1.8e7, loss ~ 0; negative row: loss ~ logit. Finite, no overflow to Infinity.
        assertEquals(true, Double.isFinite(s.bceLoss()) && s.bceLoss() > 1e6, "bce " + s.bceLoss());
    }
}
