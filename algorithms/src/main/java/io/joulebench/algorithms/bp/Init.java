package io.joulebench.algorithms.bp;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded weight initialisation in the distributions PyTorch uses, so twins match the study's models. */
final class Init {
    private Init() {
    }

    /** U(-1/sqrt(fanIn), 1/sqrt(fanIn)): PyTorch's default (Kaiming-uniform, a = sqrt 5) for weights and biases. */
    static INDArray pytorchDefault(long[] shape, int fanIn, SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(fanIn);
        return uniform(shape, bound, rng);
    }

    static INDArray uniform(long[] shape, double bound, SplittableRandom rng) {
        float[] v = new float[(int) count(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return Nd4j.create(v, shape, DataType.FLOAT);
    }

    static INDArray normal(long[] shape, double std, SplittableRandom rng) {
        float[] v = new float[(int) count(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gaussian(rng) * std);
        }
        return Nd4j.create(v, shape, DataType.FLOAT);
    }

    static INDArray zeros(long[] shape) {
        return Nd4j.zeros(DataType.FLOAT, shape);
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
