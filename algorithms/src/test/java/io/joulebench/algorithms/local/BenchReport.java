package io.joulebench.algorithms.local;

import java.util.Locale;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * Timing for the step benchmarks ({@code *Bench} classes): warm-up, then whole steps each in its own workspace,
 * printed as one {@code BENCH} line named like the PyTorch script's (benchmarks/pytorch_throughput.py).
 */
public final class BenchReport {
    private BenchReport() {
    }

    /** Steps to time: the default times {@code -Djoulebench.bench.scale} (default 1), at least 3. */
    public static int scaledSteps(int defaultSteps) {
        double scale = Double.parseDouble(System.getProperty("joulebench.bench.scale", "1"));
        return Math.max(3, (int) Math.round(defaultSteps * scale));
    }

    /** Times a hand-written ND4J step, each run inside its own step workspace as the trainers run them. */
    public static void report(String what, int steps, int batch, double flopsPerStep, Runnable step) {
        time(what, steps, batch, flopsPerStep, () -> {
            try (MemoryWorkspace ws = Steps.open("bench")) {
                step.run();
            }
        });
    }

    /** Times a step that manages its own memory (DL4J's fit): no workspace around it. */
    public static void reportUnscoped(String what, int steps, int batch, double flopsPerStep, Runnable step) {
        time(what, steps, batch, flopsPerStep, step);
    }

    private static void time(String what, int steps, int batch, double flopsPerStep, Runnable step) {
        // Warm-up: the first run sizes the workspace, later ones let the JIT settle.
        for (int i = 0; i < Math.max(3, steps / 10); i++) {
            step.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH %-45s %8.0f samples/s  %6.1f GFLOP/s (gemm)  %d steps of batch %d%n",
                what, steps * (double) batch / seconds, steps * flopsPerStep / seconds / 1e9, steps, batch);
    }
}
