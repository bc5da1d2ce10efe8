package io.joulebench.algorithms.local;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * Timing for the step benchmarks ({@code *Bench} classes): warm-up, then whole steps each in its own workspace,
 * printed as one {@code BENCH} line named like the PyTorch script's (benchmarks/pytorch_throughput.py).
 *
 * <p>Besides wall time, the line carries the process CPU time of the timed steps (every thread of the JVM: the
 * training thread, the JIT compilers, the garbage collector, ND4J's helpers), cores used = CPU time / wall time, so
 * a "single-thread" step that leans on other threads shows it, and the training thread's own CPU time.
 * {@code -Djoulebench.bench.only=NAME} times only the workload of that exact name (the others are built but neither
 * warmed up nor timed): how benchmarks/throughput.sh runs one workload per JVM.
 */
public final class BenchReport {
    private static final String ONLY = "joulebench.bench.only";

    private BenchReport() {
    }

    /** Steps to time: the default times {@code -Djoulebench.bench.scale} (default 1), at least 3. */
    public static int scaledSteps(int defaultSteps) {
        double scale = Double.parseDouble(System.getProperty("joulebench.bench.scale", "1"));
        return Math.max(3, (int) Math.round(defaultSteps * scale));
    }

    /** True when {@code -Djoulebench.bench.only} asks for a single workload. */
    public static boolean singleWorkload() {
        return System.getProperty(ONLY) != null;
    }

    /** Whether the workload {@code what} is to run: every one, or the one {@code -Djoulebench.bench.only} names. */
    public static boolean selected(String what) {
        String only = System.getProperty(ONLY);
        return only == null || only.equals(what);
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

    /**
     * Runs the step until the JVM is warm; returns the seconds it took. The first run sizes the workspace, later
     * ones let the JIT compile the step: at least a tenth of the timed steps (3 or more) and at least
     * {@code -Djoulebench.bench.warmup} seconds (default 2), then on until the JIT compilers have been idle for 3
     * seconds and 10 steps together, at most {@code -Djoulebench.bench.warmup.max} seconds (default 30). A fresh JVM
     * per workload (benchmarks/throughput.sh) has compiled nothing; without the quiet rule a step of ND4J op calls
     * was still being compiled in its timed steps (JVM CPU 1.3x its training thread's for NoProp's block step, 1.07
     * after 20 s), and after a quiet second alone bp-cnn's 0.3 s step compiled again in its timed steps (1.08).
     */
    private static double warmUp(int steps, Runnable step) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean canWatchJit = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long minimumEnd = start + seconds("joulebench.bench.warmup", 2);
        long maximumEnd = start + Math.max(seconds("joulebench.bench.warmup.max", 30), minimumEnd - start);
        long quietSince = System.nanoTime();
        long compiled = canWatchJit ? jit.getTotalCompilationTime() : 0;
        int quietSteps = 0;
        for (int i = 0; ; i++) {
            step.run();
            long now = System.nanoTime();
            long compiledNow = canWatchJit ? jit.getTotalCompilationTime() : compiled;
            if (compiledNow != compiled) {
                compiled = compiledNow;
                quietSince = now;
                quietSteps = 0;
            } else {
                quietSteps++;
            }
            boolean minimumDone = i + 1 >= Math.max(3, steps / 10) && now >= minimumEnd;
            boolean jitQuiet = quietSteps >= 10 && now - quietSince >= 3_000_000_000L;
            if (minimumDone && (jitQuiet || now >= maximumEnd)) {
                return (now - start) / 1e9;
            }
        }
    }

    private static long seconds(String property, double fallback) {
        return (long) (Double.parseDouble(System.getProperty(property, String.valueOf(fallback))) * 1e9);
    }

    /** CPU time of the whole JVM process so far, in nanoseconds (all threads; clock-tick resolution on Linux). */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void time(String what, int steps, int batch, double flopsPerStep, Runnable step) {
        if (!selected(what)) {
            return;
        }
        double warmupSeconds = warmUp(steps, step);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = processCpuNanos();
        long thread0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double threadSeconds = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH %-45s %8.0f samples/s  %6.1f GFLOP/s (gemm)  %d steps of batch %d"
                        + "  wall %.4f s  cpu %.4f s  cores %.2f  thread cpu %.4f s  warm-up %.1f s%n",
                what, steps * (double) batch / seconds, steps * flopsPerStep / seconds / 1e9, steps, batch,
                seconds, cpuSeconds, cpuSeconds / seconds, threadSeconds, warmupSeconds);
    }
}
