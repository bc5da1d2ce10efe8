package io.joulebench.algorithms.cafo;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded initialisation in PyTorch's distributions. Same rule and draw order as {@code bp.Init} (which is
 * package-private there); kept here so this package does not reach into the BP package.
 */
final class CafoInit {
    private CafoInit() {
    }

    /** U(-1/sqrt(fanIn), 1/sqrt(fanIn)): PyTorch's default (Kaiming-uniform, a = sqrt 5) for weights and biases. */
    static INDArray pytorchDefault(long[] shape, long fanIn, DataType type, SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(fanIn);
        double[] v = new double[Math.toIntExact(count(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (rng.nextDouble() * 2 - 1) * bound;
        }
        return Nd4j.create(v, shape, DataType.DOUBLE).castTo(type);
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static long count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
