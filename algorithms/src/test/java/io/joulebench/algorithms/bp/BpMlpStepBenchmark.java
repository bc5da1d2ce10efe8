package io.joulebench.algorithms.bp;

import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.Steps;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One AdamW training step of the MF twin's MLP (784-1000-1000-10, batch 128) as a JMH benchmark, so it can run
 * under io.joulebench.energy.jmh.EnergyProfiler for joules per step (docs/benchmarks.md). Surefire never runs it
 * (not a *Test); BpMlpThroughputBench times the same step as a plain timer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class BpMlpStepBenchmark {
    static final int BATCH = 128;

    private float[] x;
    private int[] y;
    private LocalMlpTrainer.Mlp net;
    private Adam adamW;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(1);
        x = new float[BATCH * 784];
        y = new int[BATCH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < BATCH; i++) {
            y[i] = rng.nextInt(10);
        }
        net = LocalMlpTrainer.Mlp.initialise(784, List.of(1000, 1000), 10, true, rng);
        adamW = Adam.decoupled(net.parameters(), 2.7123e-5);
    }

    @Benchmark
    public void step() {
        // One workspace per step, as the trainer does: without it the step is native-allocation bound.
        try (MemoryWorkspace ws = Steps.open("jmh")) {
            adamW.step(net.lossAndGradients(Steps.rows(x, BATCH, 784), y).gradients(), 2.1316e-4);
        }
    }
}
