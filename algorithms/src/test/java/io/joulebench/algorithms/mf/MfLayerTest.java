package io.joulebench.algorithms.mf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MfLayerTest {

    /** Reference mean CE of MF's local loss, straight from the definition, in double precision. */
    static double referenceLoss(double[] w, double[] b, double[] m, double[] x, int[] y, int n, int h, int c) {
        int rows = y.length;
        double total = 0;
        for (int i = 0; i < rows; i++) {
            double[] a = new double[h];
            for (int j = 0; j < h; j++) {
                double s = b[j];
                for (int k = 0; k < n; k++) {
                    s += w[j * n + k] * x[i * n + k];
                }
                a[j] = Math.max(s, 0);
            }
            double[] g = new double[c];
            double max = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < c; q++) {
                for (int j = 0; j < h; j++) {
                    g[q] += a[j] * m[q * h + j];
                }
                max = Math.max(max, g[q]);
            }
            double z = 0;
            for (int q = 0; q < c; q++) {
                z += Math.exp(g[q] - max);
            }
            total += max + Math.log(z) - g[y[i]];
        }
        return total / rows;
    }

    @Test
    void projectionCrossEntropyGradientMatchesFiniteDifferences() {
        int n = 7;
        int h = 5;
        int c = 4;
        int rows = 6;
        SplittableRandom rng = new SplittableRandom(11);
        MfLayer layer = MfLayer.initialise(n, h, c, rng, DataType.DOUBLE);
        // A non-zero bias so the check covers its gradient on both sides of the ReLU.
        layer.bias.assign(Nd4j.create(new double[] {0.3, -0.2, 0.1, 0.5, -0.4}, new long[] {1, h}, DataType.DOUBLE));
        double[] x = new double[rows * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() * 2 - 1;
        }
        int[] y = {0, 3, 1, 2, 3, 0};
        INDArray xs = Nd4j.create(x, new long[] {rows, n}, DataType.DOUBLE);
        MfLayer.Step step = layer.lossAndGradients(xs, y);

        double[] w = layer.weights.data().asDouble();
        double[] b = layer.bias.data().asDouble();
        double[] m = layer.projection.data().asDouble();
        assertEquals(referenceLoss(w, b, m, x, y, n, h, c), step.lossSum() / rows, 1e-12);
        List<double[]> params = List.of(w, b, m);
        double eps = 1e-6;
        for (int p = 0; p < 3; p++) {
            double[] v = params.get(p);
            double[] analytic = step.gradients().get(p).data().asDouble();
            double[] numeric = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + eps;
                double up = referenceLoss(w, b, m, x, y, n, h, c);
                v[i] = keep - eps;
                double down = referenceLoss(w, b, m, x, y, n, h, c);
                v[i] = keep;
                numeric[i] = (up - down) / (2 * eps);
            }
            assertArrayEquals(numeric, analytic, 1e-7, "gradient of parameter " + p + " (W, b, M)");
        }
    }

    @Test
    void predictionComesFromTheLastLayerOnly() {
        // Two layers of identity weights on 2 inputs. Layer 1's projection would say class 0 for everything;
        // layer 2's projection maps unit j to class j, so the answer is the index of the larger input.
        INDArray eye = Nd4j.create(new float[] {1, 0, 0, 1}, new long[] {2, 2}, DataType.FLOAT);
        INDArray zero = Nd4j.zeros(DataType.FLOAT, 1, 2);
        MfLayer first = new MfLayer(eye.dup(), zero.dup(),
                Nd4j.create(new float[] {10, 10, 0, 0}, new long[] {2, 2}, DataType.FLOAT));
        MfLayer last = new MfLayer(eye.dup(), zero.dup(), eye.dup());
        INDArray x = Nd4j.create(new float[] {3, 1, 1, 3, 0, 2}, new long[] {3, 2}, DataType.FLOAT);
        assertArrayEquals(new int[] {0, 1, 1}, MfTrainer.predict(List.of(first, last), x));
        assertArrayEquals(new int[] {0, 0, 0}, MfTrainer.predict(List.of(first), x));
    }

    @Test
    void initialisationFollowsTheSpec() {
        MfLayer layer = MfLayer.initialise(784, 100, 10, new SplittableRandom(1), DataType.FLOAT);
        double wBound = Math.sqrt(6.0 / 784);
        double mBound = 1.0 / Math.sqrt(100);
        assertEquals(0, layer.bias.sumNumber().doubleValue());
        double wMax = layer.weights.amaxNumber().doubleValue();
        double mMax = layer.projection.amaxNumber().doubleValue();
        assertEquals(wBound, wMax, wBound * 0.01, "W spans its Kaiming-uniform bound");
        assertEquals(mBound, mMax, mBound * 0.05, "M spans 1/sqrt(h)");
    }
}
