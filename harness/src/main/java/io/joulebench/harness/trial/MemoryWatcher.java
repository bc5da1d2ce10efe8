package io.joulebench.harness.trial;

import io.joulebench.energy.host.ProcessMemory;
import io.joulebench.harness.result.MemoryRecord;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Samples this process's resident set size on a named daemon thread and tracks the JVM heap's peak. */
public final class MemoryWatcher implements AutoCloseable {
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final AtomicLong peakRss = new AtomicLong(-1);
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private MemoryWatcher(Duration interval) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sample();
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "joulebench-memory-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    public static MemoryWatcher start(Duration interval) {
        return new MemoryWatcher(interval);
    }

    private void sample() {
        long rss;
        try {
            rss = ProcessMemory.current().residentBytes();
        } catch (IllegalStateException e) {
            return; // the OS does not report this process: the peak stays unknown rather than 0
        }
        if (rss > 0) {
            peakRss.accumulateAndGet(rss, Math::max);
            samples.incrementAndGet();
        }
    }

    /** Stops sampling and returns the peaks. */
    public MemoryRecord stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        long rss = peakRss.get();
        OptionalLong hwm = readVmHwm();
        return new MemoryRecord(rss < 0 ? null : rss, samples.get(), heap, hwm.isPresent() ? hwm.getAsLong() : null);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    /** VmHWM from /proc/self/status, in bytes; empty off Linux. */
    static OptionalLong readVmHwm() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
