package io.joulebench.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StepsTest {

    @Test
    void gatherRowsCopiesTheNamedRowsInOrder() {
        INDArray m = Nd4j.create(new float[] {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32}, new long[] {4, 3},
                DataType.FLOAT);
        INDArray g = Steps.gatherRows(m, new int[] {3, 0, 3});
        assertArrayEquals(new float[] {30, 31, 32, 0, 1, 2, 30, 31, 32}, g.data().asFloat());
        assertArrayEquals(new long[] {3, 3}, g.shape());
        assertThrows(IllegalArgumentException.class, () -> Steps.gatherRows(m.transpose(), new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Steps.gatherRows(m.castTo(DataType.DOUBLE), new int[] {0}));
    }

    @Test
    void reluBackwardPassesGradientOnlyWhereTheUnitWasActive() {
        INDArray activations = Nd4j.create(new float[] {0, 2, 0.5f, 0}, new long[] {2, 2}, DataType.FLOAT);
        INDArray gradient = Nd4j.create(new float[] {5, -6, 7, 8}, new long[] {2, 2}, DataType.FLOAT);
        Steps.reluBackward(gradient, activations);
        assertArrayEquals(new float[] {0, -6, 7, 0}, gradient.data().asFloat());
    }

    @Test
    void columnSumsAddUpEachColumn() {
        INDArray m = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {3, 2}, DataType.FLOAT);
        assertArrayEquals(new float[] {9, 12}, Steps.columnSums(m).data().asFloat());
    }
}
