package io.joulebench.algorithms.local;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Softmax cross-entropy of a few rows of class scores, computed in double precision in Java: the score matrices
 * are small (batch x classes), and the row-wise log-sum-exp is then exact and stable.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * @param lossSum sum over rows of -log softmax(row)[label]
     * @param correct rows whose argmax (first maximum) equals the label
     * @param gradient {@code scale * (softmax - onehot)} in the scores' data type (in the current workspace), or
     *                 null when not asked for
     */
    public record Result(double lossSum, int correct, INDArray gradient) {
    }

    /** Loss and accuracy only. */
    public static Result evaluate(INDArray scores, int[] labels) {
        return compute(scores, labels, 0, false);
    }

    /** Loss, accuracy and the gradient of {@code scale * lossSum} with respect to the scores. */
    public static Result withGradient(INDArray scores, int[] labels, double scale) {
        return compute(scores, labels, scale, true);
    }

    private static Result compute(INDArray scores, int[] labels, double scale, boolean gradient) {
        int rows = (int) scores.rows();
        int classes = (int) scores.columns();
        if (labels.length != rows) {
            throw new IllegalArgumentException(rows + " score rows but " + labels.length + " labels");
        }
        double[] s = scores.dup('c').data().asDouble();
        double[] grad = gradient ? new double[rows * classes] : null;
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * classes;
            int argmax = 0;
            for (int c = 1; c < classes; c++) {
                if (s[base + c] > s[base + argmax]) {
                    argmax = c;
                }
            }
            if (argmax == labels[i]) {
                correct++;
            }
            double max = s[base + argmax];
            double sumExp = 0;
            for (int c = 0; c < classes; c++) {
                sumExp += Math.exp(s[base + c] - max);
            }
            double logZ = max + Math.log(sumExp);
            lossSum += logZ - s[base + labels[i]];
            if (gradient) {
                for (int c = 0; c < classes; c++) {
                    double p = Math.exp(s[base + c] - logZ);
                    grad[base + c] = scale * (p - (c == labels[i] ? 1 : 0));
                }
            }
        }
        INDArray g = gradient ? Nd4j.create(grad, new long[] {rows, classes}, scores.dataType()) : null;
        return new Result(lossSum, correct, g);
    }

    /** Index of the first maximum of each row. */
    public static int[] argmaxRows(double[] values, int rows, int columns) {
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0;
            for (int c = 1; c < columns; c++) {
                if (values[i * columns + c] > values[i * columns + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
