package io.joulebench.energy.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps a fake powercap zone's {@code energy_uj} at watts x elapsed wall time, rewritten every millisecond by a
 * thread of the test's JVM, so that another JVM (the JMH fork) reading the file sees a counter moving at a known
 * power. Each write is a rename of a complete file: a reader never sees a half-written number. On a loaded machine
 * the writer can be late: a reader then sees a value up to {@link #maxGapSeconds()} old, which the test allows for.
 */
final class LivePowercapZone implements AutoCloseable {

    private final Path energyFile;
    private final Path staging;
    private final double watts;
    private final long startNanos = System.nanoTime();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile IOException failure;
    private volatile long lastWrite;
    private volatile long maxGap;

    /**
     * @param zone    the zone directory (with its name and max_energy_range_uj files)
     * @param staging a directory on the same file system, outside the powercap tree, for the files renamed in
     * @param watts   the power to simulate
     */
    LivePowercapZone(Path zone, Path staging, double watts) {
        this.energyFile = zone.resolve("energy_uj");
        this.staging = staging.resolve("energy_uj.next");
        this.watts = watts;
        write();
        writer = new Thread(this::run, "fake-rapl-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void run() {
        while (running) {
            write();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void write() {
        long uj = Math.round(watts * (System.nanoTime() - startNanos) / 1e3); // W x ns / 1e3 = microjoules
        try {
            Files.writeString(staging, uj + "\n");
            Files.move(staging, energyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            failure = e;
        }
        long now = System.nanoTime();
        if (lastWrite != 0) {
            maxGap = Math.max(maxGap, now - lastWrite);
        }
        lastWrite = now;
    }

    /** The longest time between two completed writes so far: how stale a value read from the file can be. */
    double maxGapSeconds() {
        return maxGap / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(5_000);
        if (failure != null) {
            throw new UncheckedIOException("the fake counter writer failed", failure);
        }
    }
}
