package io.joulebench.algorithms.local;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-thread sgemm rate of ND4J's bundled OpenBLAS: a large square product (the machine's practical peak
 * through this library) and the trainers' shapes. A benchmark, not a test: runs only with
 * {@code -Djoulebench.bench=true} and asserts nothing.
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class GemmPeakBench {

    @Test
    void sgemm() {
        rate("square 2048", 2048, 2048, 2048, false, 10);
        rate("x W^T, 128x784 by 1000x784", 128, 1000, 784, true, 300);
        rate("x W^T, 128x1000 by 1000x1000", 128, 1000, 1000, true, 300);
        rate("x W^T, 200x2000 by 2000x2000", 200, 2000, 2000, true, 60);
    }

    /** C[m,n] = A[m,k] B (B stored [n,k] and transposed when transposeB, as the layers store W). */
    static void rate(String what, int m, int n, int k, boolean transposeB, int reps) {
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = transposeB ? Nd4j.rand(DataType.FLOAT, n, k) : Nd4j.rand(DataType.FLOAT, k, n);
        INDArray c = Nd4j.create(DataType.FLOAT, m, n);
        for (int i = 0; i < Math.max(3, reps / 10); i++) {
            Nd4j.gemm(a, b, c, false, transposeB, 1.0, 0.0);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            Nd4j.gemm(a, b, c, false, transposeB, 1.0, 0.0);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH sgemm %-32s %7.1f GFLOP/s%n", what, 2.0 * m * n * k * reps / s / 1e9);
    }
}
