package io.joulebench.algorithms.local;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Weight initialisation from a seeded {@link SplittableRandom} (never ND4J's global generator). */
public final class SeededInit {
    private SeededInit() {
    }

    /** U(-bound, bound), row-major. */
    public static INDArray uniform(DataType type, double bound, SplittableRandom rng, long... shape) {
        double[] v = new double[count(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (rng.nextDouble() * 2 - 1) * bound;
        }
        return Steps.persistent(v, type, shape);
    }

    /** PyTorch's default for weights and biases (Kaiming-uniform, a = sqrt 5): U(-1/sqrt(fanIn), 1/sqrt(fanIn)). */
    public static INDArray pytorchDefault(DataType type, long fanIn, SplittableRandom rng, long... shape) {
        return uniform(type, 1.0 / Math.sqrt(fanIn), rng, shape);
    }

    /**
     * Kaiming-uniform for ReLU layers ({@code nn.init.kaiming_uniform_(w, mode="fan_in", nonlinearity="relu")}):
     * U(-sqrt(6/fanIn), sqrt(6/fanIn)).
     */
    public static INDArray kaimingUniformRelu(DataType type, long fanIn, SplittableRandom rng, long... shape) {
        return uniform(type, Math.sqrt(6.0 / fanIn), rng, shape);
    }

    /** N(0, std^2), row-major. */
    public static INDArray normal(DataType type, double std, SplittableRandom rng, long... shape) {
        double[] v = new double[count(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = gaussian(rng) * std;
        }
        return Steps.persistent(v, type, shape);
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    public static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array too large to initialise: " + n + " values");
        }
        return (int) n;
    }
}
