package io.joulebench.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference gradient checks in double precision, for the hand-written backward passes. */
public final class GradientCheck {
    private static final DataType D = DataType.DOUBLE;
    private static final double H = 1e-6;

    private GradientCheck() {
    }

    public static INDArray random(SplittableRandom rng, long... shape) {
        double[] v = new double[Math.toIntExact(java.util.Arrays.stream(shape).reduce(1, (x, y) -> x * y))];
        for (int i = 0; i < v.length; i++) {
            v[i] = SeededInit.gaussian(rng);
        }
        return Nd4j.create(v, shape, D);
    }

    /** Central difference of f with respect to every entry of p (perturbed in place, then restored). */
    public static INDArray numeric(INDArray p, DoubleSupplier f) {
        INDArray flat = p.reshape(p.length());
        INDArray g = Nd4j.zeros(D, p.length());
        for (long i = 0; i < p.length(); i++) {
            double orig = flat.getDouble(i);
            flat.putScalar(i, orig + H);
            double up = f.getAsDouble();
            flat.putScalar(i, orig - H);
            double down = f.getAsDouble();
            flat.putScalar(i, orig);
            g.putScalar(i, (up - down) / (2 * H));
        }
        return g;
    }

    public static void assertClose(INDArray numeric, INDArray analytic, String what) {
        INDArray a = analytic.reshape(analytic.length());
        double scale = Math.max(1e-3, numeric.norm2Number().doubleValue());
        double err = numeric.sub(a).norm2Number().doubleValue() / scale;
        assertTrue(err < 1e-6, what + ": relative error " + err + "\nnumeric  " + numeric + "\nanalytic " + a);
    }
}
