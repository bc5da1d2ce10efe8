package io.joulebench.algorithms.bp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LocalMlpTrainerTest {

    private static INDArray random(SplittableRandom rng, double scale, long... shape) {
        double[] v = new double[(int) (shape[0] * shape[1])];
        for (int i = 0; i < v.length; i++) {
            v[i] = (rng.nextDouble() * 2 - 1) * scale;
        }
        return Nd4j.create(v, shape, DataType.DOUBLE);
    }

    /** Mean cross-entropy of the network's scores, from the forward pass alone. */
    private static double meanLoss(LocalMlpTrainer.Mlp net, INDArray x, int[] y) {
        double[][] s = net.scores(x).toDoubleMatrix();
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s[i]) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (double v : s[i]) {
                z += Math.exp(v - max);
            }
            total += max + Math.log(z) - s[i][y[i]];
        }
        return total / y.length;
    }

    @Test
    void backpropGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 6;
        int rows = 5;
        // Two hidden layers, so the check covers the output layer, a hidden layer fed by a hidden layer, and the
        // first layer; biases non-zero so ReLUs sit on both sides of zero.
        int[] widths = {n, 5, 4, 3};
        List<INDArray> w = new java.util.ArrayList<>();
        List<INDArray> b = new java.util.ArrayList<>();
        for (int k = 0; k + 1 < widths.length; k++) {
            w.add(random(rng, 0.8, widths[k + 1], widths[k]));
            b.add(random(rng, 0.3, 1, widths[k + 1]));
        }
        LocalMlpTrainer.Mlp net = new LocalMlpTrainer.Mlp(w, b);
        INDArray x = random(rng, 1, rows, n);
        int[] y = {0, 2, 1, 2, 0};

        LocalMlpTrainer.Mlp.Step step = net.lossAndGradients(x, y);
        assertEquals(meanLoss(net, x, y), step.lossSum() / rows, 1e-12);
        List<INDArray> params = net.parameters();
        double h = 1e-6;
        for (int p = 0; p < params.size(); p++) {
            INDArray param = params.get(p);
            INDArray grad = step.gradients().get(p);
            for (int i = 0; i < param.length(); i++) {
                double v = param.getDouble(i);
                param.putScalar(i, v + h);
                double plus = meanLoss(net, x, y);
                param.putScalar(i, v - h);
                double minus = meanLoss(net, x, y);
                param.putScalar(i, v);
                assertEquals((plus - minus) / (2 * h), grad.getDouble(i), 1e-7, "parameter " + p + " element " + i);
            }
        }
    }

    @Test
    void initialisationFollowsPytorchAndTheMfTwinOutputLayer() {
        LocalMlpTrainer.Mlp net = LocalMlpTrainer.Mlp.initialise(784, List.of(200), 10, true,
                new SplittableRandom(3));
        double bound = 1 / Math.sqrt(784);
        assertEquals(bound, net.weights.get(0).amaxNumber().doubleValue(), bound * 0.01);
        assertEquals(bound, net.biases.get(0).amaxNumber().doubleValue(), bound * 0.05);
        assertEquals(0.01, net.weights.get(1).stdNumber().doubleValue(), 0.001, "output layer N(0, 0.01^2)");
        assertEquals(0, net.biases.get(1).amaxNumber().doubleValue());
        // 784x200 + 200 + 200x10 + 10 flops per forward row, times two.
        assertEquals(2.0 * (784 * 200 + 200 * 10), net.forwardFlops());
    }
}
