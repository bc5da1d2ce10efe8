package io.joulebench.algorithms.local;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-thread sgemm rates of ND4J's BLAS ({@code Nd4j.gemm}) and of what the trainers call ({@link Gemm}: oneDNN):
 * a large square product (the machine's practical peak), the MLP layers' shapes and the conv blocks' im2col
 * products at batch 128 (forward, weight gradient, input gradient). A benchmark, not a test: runs only with
 * {@code -Djoulebench.bench=true} and asserts nothing.
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class GemmPeakBench {

    @Test
    void sgemm() {
        for (boolean trainers : new boolean[] {false, true}) {
            String lib = trainers ? "onednn" : "nd4j";
            rate(lib, "square 2048", 2048, 2048, 2048, false, false, 10, trainers);
            rate(lib, "x W^T, 128x784 by 1000x784", 128, 1000, 784, false, true, 300, trainers);
            rate(lib, "x W^T, 128x1000 by 1000x1000", 128, 1000, 1000, false, true, 300, trainers);
            rate(lib, "x W^T, 200x2000 by 2000x2000", 200, 2000, 2000, false, true, 60, trainers);
            // The study's CaFo/BP-CNN blocks 2 and 3 over a whole batch of 128: rows n*h*w, patch columns 9*in.
            rate(lib, "block 2 cols W^T (25088x288 by 128)", 25088, 128, 288, false, true, 10, trainers);
            rate(lib, "block 2 dz^T cols (128 by 25088x288)", 128, 288, 25088, true, false, 10, trainers);
            rate(lib, "block 2 dz W (25088x128 by 288)", 25088, 288, 128, false, false, 10, trainers);
            rate(lib, "block 3 cols W^T (6272x1152 by 512)", 6272, 512, 1152, false, true, 5, trainers);
            rate(lib, "block 3 dz^T cols (512 by 6272x1152)", 512, 1152, 6272, true, false, 5, trainers);
            rate(lib, "block 3 dz W (6272x512 by 1152)", 6272, 1152, 512, false, false, 5, trainers);
        }
    }

    /** C[m,n] = op(A) op(B), the operands stored as op expects them (transposed ones as [k,m] and [n,k]). */
    static void rate(String lib, String what, int m, int n, int k, boolean transposeA, boolean transposeB, int reps,
                     boolean trainers) {
        INDArray a = transposeA ? Nd4j.rand(DataType.FLOAT, k, m) : Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = transposeB ? Nd4j.rand(DataType.FLOAT, n, k) : Nd4j.rand(DataType.FLOAT, k, n);
        INDArray c = Nd4j.create(DataType.FLOAT, m, n);
        Runnable product = trainers ? () -> Gemm.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0)
                : () -> Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
        for (int i = 0; i < Math.max(3, reps / 10); i++) {
            product.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            product.run();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH sgemm %-6s %-38s %7.1f GFLOP/s%n", lib, what,
                2.0 * m * n * k * reps / s / 1e9);
    }
}
