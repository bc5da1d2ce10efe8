package io.joulebench.energy.jmh;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * The forked test's workload: an operation that sleeps, so the benchmark leaves the shared cores to the test's fake
 * counter writer and its time per operation is steady. Run by {@link EnergyProfilerForkTest}, never by surefire.
 */
public class SleepOpBenchmark {

    @Benchmark
    public void sleep5ms() throws InterruptedException {
        Thread.sleep(5);
    }
}
