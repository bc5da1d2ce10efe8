package io.joulebench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.data.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial's JVM options are computed as docs/benchmarks.md ("Memory") documents them. */
class TrialJvmOptionsTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @Test
    void fashionMnistOnA24GiBMachine() {
        long data = Datasets.inMemoryBytes(Datasets.FASHION_MNIST); // 219.8 MB
        assertEquals(List.of("-XX:+UseSerialGC", "-Xms306m", "-Xmn32m", "-Xmx6144m",
                        "-XX:PretenureSizeThreshold=8388608", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                        "-Djdk.nio.maxCachedBufferSize=1048576"),
                TrialJvmOptions.computed(data, 24 * GIB));
    }

    @Test
    void theInitialHeapHoldsTheYoungGenerationTheDatasetAndAMargin() {
        long data = 1000 * MIB;
        assertTrue(TrialJvmOptions.computed(data, 64 * GIB).contains("-Xms" + (32 + 1000 + 64) + "m"));
        assertTrue(TrialJvmOptions.computed(0, 64 * GIB).contains("-Xms96m"));
    }

    @Test
    void theCeilingIsNeverBelowTheJvmDefaultAndGrowsWithABigDataset() {
        // Small data: the JVM's own default, a quarter of RAM.
        assertEquals(4 * GIB, TrialJvmOptions.maxHeap(220 * MIB, 16 * GIB));
        // CIFAR-100 (about 703 MiB loaded) on a small machine: 4 x data + 2 GiB, above a quarter of 8 GiB.
        long cifar100 = Datasets.inMemoryBytes(Datasets.CIFAR_100);
        long expected = (4 * cifar100 + 2 * GIB + MIB - 1) / MIB * MIB;
        assertEquals(expected, TrialJvmOptions.maxHeap(cifar100, 8 * GIB));
        assertTrue(expected > 2 * GIB && expected <= 6 * GIB);
        // A dataset of 10 GiB on 32 GiB: capped at three quarters of RAM.
        assertEquals(24 * GIB, TrialJvmOptions.maxHeap(10 * GIB, 32 * GIB));
        assertTrue(TrialJvmOptions.computed(10 * GIB, 32 * GIB).contains("-Xms" + (32 + 10 * 1024 + 64) + "m"));
        // The initial heap never exceeds the ceiling (a dataset this big then fails for want of memory anyway).
        assertTrue(TrialJvmOptions.computed(30 * GIB, 32 * GIB).contains("-Xms" + 24 * 1024 + "m"));
    }

    @Test
    void theEnvironmentVariableReplacesTheComputedOptions() {
        assertEquals(List.of("-Xmx20g", "-XX:+UseParallelGC"),
                TrialJvmOptions.forTrial("  -Xmx20g   -XX:+UseParallelGC ", 220 * MIB, 24 * GIB));
        assertEquals(List.of(), TrialJvmOptions.forTrial("", 220 * MIB, 24 * GIB), "empty: the JVM's defaults");
        assertEquals(TrialJvmOptions.computed(220 * MIB, 24 * GIB),
                TrialJvmOptions.forTrial(null, 220 * MIB, 24 * GIB));
    }

    @Test
    void theParentsHeapAndCollectorOptionsAreNotPassedOn() {
        List<String> parent = List.of("-Xmx8g", "-Xms1g", "-Xmn200m", "-XX:+UseG1GC", "-XX:-UseParallelGC",
                "-XX:MaxRAMPercentage=50", "-XX:NewRatio=3", "-Xss16m", "-Djoulebench.gemm=onednn",
                "-XX:NativeMemoryTracking=summary", "-Dorg.deeplearning4j.crash.reporting.enabled=false");
        assertEquals(List.of("-Xss16m", "-Djoulebench.gemm=onednn", "-XX:NativeMemoryTracking=summary",
                "-Dorg.deeplearning4j.crash.reporting.enabled=false"), TrialJvmOptions.withoutMemoryOptions(parent));
        assertFalse(TrialJvmOptions.isMemoryOption("-XX:+UseCompressedOops"));
        assertTrue(TrialJvmOptions.isMemoryOption("-XX:+UseSerialGC"));
    }
}
