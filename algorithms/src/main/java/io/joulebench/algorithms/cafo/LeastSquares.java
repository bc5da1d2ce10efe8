package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.local.LinearHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * CaFo's closed-form predictor, W = pinv(X) Y with one-hot Y (a column of ones appended to X for the bias),
 * computed as the ridge-regularised normal equations (X'X + lambda I) W = X'Y in double precision.
 * lambda = {@value #RELATIVE_RIDGE} times the mean diagonal of X'X (plus {@value #ABSOLUTE_RIDGE} so an all-zero X
 * stays solvable): tiny enough to match the pseudo-inverse on well-posed problems, large enough to keep the
 * solve stable when features are collinear or outnumber the samples.
 */
final class LeastSquares {
    static final double RELATIVE_RIDGE = 1e-6;
    static final double ABSOLUTE_RIDGE = 1e-12;
    private static final int CHUNK = 1024;

    private LeastSquares() {
    }

    /** Fits a predictor on features {@code [n, d]}; returned in {@code type}. */
    static LinearHead fit(INDArray features, int[] labels, int classes, boolean withBias, DataType type) {
        long n = features.size(0);
        long d = features.size(1);
        long cols = withBias ? d + 1 : d;
        INDArray gram = Nd4j.zeros(DataType.DOUBLE, cols, cols);
        INDArray rhs = Nd4j.zeros(DataType.DOUBLE, cols, classes);
        // Accumulated over row chunks so a double copy of the whole feature matrix is never held.
        for (long from = 0; from < n; from += CHUNK) {
            long to = Math.min(n, from + CHUNK);
            INDArray x = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).castTo(DataType.DOUBLE);
            if (withBias) {
                x = Nd4j.hstack(x, Nd4j.ones(DataType.DOUBLE, to - from, 1));
            }
            int[] y = java.util.Arrays.copyOfRange(labels, (int) from, (int) to);
            gram.addi(x.transpose().mmul(x));
            rhs.addi(x.transpose().mmul(LinearHead.oneHot(y, classes, DataType.DOUBLE)));
        }
        double ridge = RELATIVE_RIDGE * Nd4j.diag(gram).sumNumber().doubleValue() / cols + ABSOLUTE_RIDGE;
        gram.addi(Nd4j.eye(cols).castTo(DataType.DOUBLE).muli(ridge));
        INDArray w = Nd4j.linalg().solve(gram, rhs);
        INDArray weight = w.get(NDArrayIndex.interval(0, d), NDArrayIndex.all()).castTo(type);
        INDArray bias = withBias ? w.getRow(d).reshape(classes).castTo(type) : null;
        return new LinearHead(weight, bias);
    }

    /** FLOPs of one fit: the Gram matrix and right-hand side, plus an LU solve. */
    static double flops(long n, long d, int classes, boolean withBias) {
        double c = withBias ? d + 1 : d;
        return 2.0 * n * c * c + 2.0 * n * c * classes + 2.0 / 3.0 * c * c * c + 2.0 * c * c * classes;
    }
}
