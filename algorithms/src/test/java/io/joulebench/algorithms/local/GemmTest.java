package io.joulebench.algorithms.local;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GemmTest {

    @Test
    void oneDnnRunsTheFloatProductsHere() {
        assertTrue(Gemm.library().startsWith("onednn 2."), Gemm.library());
    }

    @Test
    void everyTransposeAlphaAndBetaMatchesNd4j() {
        Nd4j.getRandom().setSeed(1);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                // Odd sizes, so that a swapped dimension or leading dimension shows.
                INDArray a = ta ? Nd4j.rand(DataType.FLOAT, 7, 5) : Nd4j.rand(DataType.FLOAT, 5, 7);
                INDArray b = tb ? Nd4j.rand(DataType.FLOAT, 3, 7) : Nd4j.rand(DataType.FLOAT, 7, 3);
                INDArray start = Nd4j.rand(DataType.FLOAT, 5, 3);
                INDArray expected = start.dup();
                Nd4j.gemm(a, b, expected, ta, tb, 0.5, 2.0);
                INDArray actual = start.dup();
                Gemm.gemm(a, b, actual, ta, tb, 0.5, 2.0);
                assertClose(expected, actual, "transposes " + ta + ", " + tb);
            }
        }
    }

    @Test
    void viewsAreReadAndWrittenInPlace() {
        Nd4j.getRandom().setSeed(2);
        INDArray big = Nd4j.rand(DataType.FLOAT, 10, 8);
        INDArray rows = big.get(NDArrayIndex.interval(3, 7), NDArrayIndex.all());         // offset, contiguous
        INDArray columns = big.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6));      // leading dimension 8
        INDArray b = Nd4j.rand(DataType.FLOAT, 8, 4);
        INDArray out = Nd4j.zeros(DataType.FLOAT, 9, 4);
        INDArray outRows = out.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all());

        Gemm.gemm(rows, b, outRows, false, false, 1.0, 0.0);
        assertClose(rows.dup().mmul(b), out.get(NDArrayIndex.interval(2, 6), NDArrayIndex.all()), "row view");
        assertTrue(out.get(NDArrayIndex.interval(0, 2), NDArrayIndex.all()).sumNumber().doubleValue() == 0
                && out.get(NDArrayIndex.interval(6, 9), NDArrayIndex.all()).sumNumber().doubleValue() == 0,
                "rows outside the output view are untouched");

        INDArray c = Nd4j.create(DataType.FLOAT, 10, 4);
        Gemm.gemm(columns, b.get(NDArrayIndex.interval(0, 4), NDArrayIndex.all()), c, false, false, 1.0, 0.0);
        assertClose(columns.dup().mmul(b.get(NDArrayIndex.interval(0, 4), NDArrayIndex.all()).dup()), c,
                "column view");

        // Not row-major (an f-ordered operand): copied first, same answer.
        INDArray f = rows.dup('f');
        INDArray d = Nd4j.create(DataType.FLOAT, 4, 4);
        Gemm.gemm(f, b, d, false, false, 1.0, 0.0);
        assertClose(rows.dup().mmul(b), d, "f-ordered operand");
    }

    @Test
    void doublesGoToNd4jAndMismatchedShapesAreRefused() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 4, 3);
        INDArray b = Nd4j.rand(DataType.DOUBLE, 3, 2);
        INDArray c = Nd4j.create(DataType.DOUBLE, 4, 2);
        Gemm.gemm(a, b, c, false, false, 1.0, 0.0);
        assertClose(a.mmul(b), c, "double");
        INDArray wrong = Nd4j.create(DataType.FLOAT, 4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(
                Nd4j.rand(DataType.FLOAT, 4, 3), Nd4j.rand(DataType.FLOAT, 4, 2), wrong, false, false, 1.0, 0.0));
        assertTrue(e.getMessage().contains("shapes do not match"), e.getMessage());
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double err = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).norm2Number().doubleValue();
        double scale = expected.castTo(DataType.DOUBLE).norm2Number().doubleValue();
        assertTrue(err <= 1e-6 * scale, what + ": relative error " + err / scale);
    }
}
