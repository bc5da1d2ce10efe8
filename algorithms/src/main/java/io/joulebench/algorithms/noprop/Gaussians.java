package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.local.SeededInit;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Standard normal noise drawn from a seeded stream (never ND4J's global generator), in the open workspace. */
final class Gaussians {
    private Gaussians() {
    }

    static INDArray matrix(SplittableRandom rng, int rows, int columns, DataType type) {
        double[] v = new double[rows * columns];
        for (int i = 0; i < v.length; i++) {
            v[i] = SeededInit.gaussian(rng);
        }
        return Nd4j.create(v, new long[] {rows, columns}, type);
    }
}
