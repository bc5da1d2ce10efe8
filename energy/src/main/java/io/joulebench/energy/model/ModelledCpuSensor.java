package io.joulebench.energy.model;

import io.joulebench.energy.Domain;
import io.joulebench.energy.PowerSensor;
import io.joulebench.energy.Reading;
import io.joulebench.energy.UnavailableReason;
import io.joulebench.energy.process.CpuTimes;
import io.joulebench.energy.process.ProcReadException;
import io.joulebench.energy.process.ProcessTree;
import java.util.function.LongSupplier;
import oshi.hardware.CentralProcessor;

/**
 * MODELLED CPU package power from TDP and a load: the system's (OSHI ticks), or with a process tree its own CPU
 * time / (wall time x logical CPUs) (--scope process).
 */
final class ModelledCpuSensor implements PowerSensor {
    private final CentralProcessor cpu;
    private final ProcessTree tree;
    private CpuTimes previousTimes;
    private final double tdpWatts;
    private final String basis;
    private final LongSupplier clock;
    private long[] previous;
    private double lastLoad = Double.NaN;

    ModelledCpuSensor(CentralProcessor cpu, double tdpWatts, String basis, LongSupplier clock, ProcessTree tree) {
        this.cpu = cpu;
        this.tdpWatts = tdpWatts;
        this.basis = basis;
        this.clock = clock;
        this.tree = tree;
        if (tree == null) {
            this.previous = cpu.getSystemCpuLoadTicks();
        } else {
            try {
                this.previousTimes = tree.read();
            } catch (ProcReadException e) {
                this.previousTimes = null; // reads say why until /proc can be read
            }
        }
        primeLoad();
    }

    /** The load since the previous call that returned one; NaN when no tick elapsed. */
    private double nextLoad() throws ProcReadException {
        if (tree == null) {
            long[] now = cpu.getSystemCpuLoadTicks();
            double load = CpuPowerModel.load(previous, now);
            if (!Double.isNaN(load)) {
                previous = now;
            }
            return load;
        }
        CpuTimes now = tree.read();
        double load = previousTimes == null ? Double.NaN : CpuPowerModel.treeLoad(previousTimes, now);
        if (previousTimes == null || !Double.isNaN(load)) {
            previousTimes = now;
        }
        return load;
    }

    /** How long opening waits for a first load: OSHI refreshes its tick snapshot about every 300 ms. */
    static final long PRIME_LIMIT_MILLIS = 1000;

    /**
     * Waits (bounded) until the ticks have moved once, so a session starting right after the meter opens has a
     * real load from its first reading instead of a missing one. If none comes, reads stay missing until one does.
     */
    private void primeLoad() {
        long deadline = System.nanoTime() + PRIME_LIMIT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            double load;
            try {
                load = nextLoad();
            } catch (ProcReadException e) {
                return; // the first read says why
            }
            if (!Double.isNaN(load)) {
                lastLoad = load;
                return;
            }
        }
    }

    @Override
    public Domain domain() {
        return Domain.CPU_PACKAGE;
    }

    @Override
    public String providerId() {
        return ModelProvider.ID;
    }

    @Override
    public String description() {
        return "MODELLED: TDP x (0.1 + 0.9 x load^3) with " + (tree == null ? "system load from OSHI ticks"
                : "the load of the " + tree.describe() + " (its CPU time / (wall time x logical CPUs))") + "; " + basis;
    }

    @Override
    public boolean processScoped() {
        return tree != null;
    }

    @Override
    public boolean modelled() {
        return true;
    }

    @Override
    public synchronized Reading read() {
        double load;
        long t;
        try {
            load = nextLoad();
            t = clock.getAsLong();
        } catch (ProcReadException e) {
            return new Reading.Missing(UnavailableReason.SENSOR_FAILED, "MODELLED CPU power: " + e.getMessage(),
                    clock.getAsLong());
        }
        if (Double.isNaN(load)) {
            // No tick elapsed since the last reading (reads faster than the kernel's tick): keep the last load.
            if (Double.isNaN(lastLoad)) {
                // No load known yet: a missing reading, never a made-up load of 0.
                return new Reading.Missing(UnavailableReason.UNKNOWN, "MODELLED CPU power: no CPU load known yet "
                        + "(no scheduler tick elapsed since the model started)", t);
            }
            load = lastLoad;
        }
        lastLoad = load;
        return new Reading.Power(CpuPowerModel.watts(tdpWatts, load) * 1000.0, t);
    }
}
