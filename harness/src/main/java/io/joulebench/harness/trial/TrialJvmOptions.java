package io.joulebench.harness.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The memory settings of a trial's JVM, sized from what its dataset holds in memory (docs/benchmarks.md,
 * "Memory"). A trial is one training thread: the serial collector adds no GC threads and the least bookkeeping,
 * and with a small fixed young generation the heap stays near what is live (the dataset, the model's host
 * copies) instead of growing towards a quarter of the machine's memory as the default collector lets it.
 * None of them is a small ceiling: the heap may still grow to the larger of the JVM's own default (a quarter of
 * RAM) and four times the dataset plus 2 GiB, up to three quarters of RAM.
 *
 * <p>{@value #ENV} replaces the computed options (the parent's own heap and collector options are never passed
 * on, since they size the parent): e.g. {@code JOULEBENCH_TRIAL_JAVA_OPTS="-Xmx20g -XX:+UseSerialGC"}, or an
 * empty value for the JVM's defaults.
 */
public final class TrialJvmOptions {
    /** The environment variable whose options replace the computed ones (whitespace-separated). */
    public static final String ENV = "JOULEBENCH_TRIAL_JAVA_OPTS";

    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;
    /**
     * The young generation: a training step's garbage (batch copies, small host arrays, the Java side of native
     * arrays whose memory is freed when they are collected) dies there. Eden is touched in full between
     * collections, so all of it counts in the resident set: 32 MiB gave 37 MiB less peak RSS than 64 MiB on the FF
     * twin, and its collections (a few milliseconds each) took about 1 % of the MLP twins' training time.
     */
    static final long YOUNG_BYTES = 32 * MIB;
    /** Room over the dataset in the initial heap, for the model's host copies and loading. */
    static final long MARGIN_BYTES = 64 * MIB;
    /**
     * Arrays over this go straight to the old generation: a loading buffer or a split's floats never bounces
     * through the young generation (where surviving one collection means copying it).
     */
    static final long PRETENURE_BYTES = 8 * MIB;

    static final int MIN_FREE_PERCENT = 10;
    static final int MAX_FREE_PERCENT = 30;

    /** Options that size the heap or choose the collector: the parent's own are not passed on to a trial. */
    private static final Pattern MEMORY_OPTION = Pattern.compile("-Xm[xsn].*|-XX:[+-]Use\\w*GC"
            + "|-XX:(MaxHeapSize|InitialHeapSize|MinHeapSize|NewSize|MaxNewSize|NewRatio|PretenureSizeThreshold"
            + "|MinHeapFreeRatio|MaxHeapFreeRatio|MaxRAM|MaxRAMPercentage|InitialRAMPercentage|MinRAMPercentage"
            + "|MaxRAMFraction|InitialRAMFraction|MinRAMFraction)=.*");

    private TrialJvmOptions() {
    }

    /** Whether a JVM option sizes the heap or chooses the collector. */
    public static boolean isMemoryOption(String arg) {
        return MEMORY_OPTION.matcher(arg).matches();
    }

    /**
     * @param datasetBytes  what the trial's dataset holds in memory (0 when unknown)
     * @param physicalBytes the machine's memory
     */
    public static List<String> computed(long datasetBytes, long physicalBytes) {
        long data = Math.max(0, datasetBytes);
        long max = maxHeap(data, physicalBytes);
        long initial = Math.min(max, roundUpToMib(YOUNG_BYTES + data + MARGIN_BYTES));
        return List.of("-XX:+UseSerialGC", "-Xms" + initial / MIB + "m", "-Xmn" + YOUNG_BYTES / MIB + "m",
                "-Xmx" + max / MIB + "m", "-XX:PretenureSizeThreshold=" + PRETENURE_BYTES,
                // After a full collection keep 10-30 % of the old generation free (the JVM: 40-70 %): garbage that
                // was promoted (ND4J's array wrappers, whose native memory goes only with them) is collected
                // sooner. NoProp's twin: 1 660 MiB instead of 2 055, full collections 0.3 % of its training time.
                "-XX:MinHeapFreeRatio=" + MIN_FREE_PERCENT, "-XX:MaxHeapFreeRatio=" + MAX_FREE_PERCENT,
                // NIO caches, per thread, a native copy buffer as large as the largest read: never above 1 MiB.
                "-Djdk.nio.maxCachedBufferSize=" + MIB);
    }

    /** The heap's ceiling: the JVM's default (RAM / 4), raised for a large dataset to 4 x it + 2 GiB, <= 3/4 RAM. */
    static long maxHeap(long datasetBytes, long physicalBytes) {
        long byDefault = physicalBytes / 4;
        long byData = Math.min(physicalBytes / 4 * 3, 4 * datasetBytes + 2 * GIB);
        return roundUpToMib(Math.max(Math.max(byDefault, byData), YOUNG_BYTES + MARGIN_BYTES));
    }

    /**
     * The options for a trial's JVM: those of {@value #ENV} when it is set (even empty), else {@link #computed}.
     *
     * @param override the variable's value, or null when it is not set
     */
    public static List<String> forTrial(String override, long datasetBytes, long physicalBytes) {
        if (override != null) {
            return override.isBlank() ? List.of() : Arrays.asList(override.trim().split("\\s+"));
        }
        return computed(datasetBytes, physicalBytes);
    }

    /** This JVM's options without those that size its heap or choose its collector. */
    public static List<String> withoutMemoryOptions(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (!isMemoryOption(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static long roundUpToMib(long bytes) {
        return (bytes + MIB - 1) / MIB * MIB;
    }
}
