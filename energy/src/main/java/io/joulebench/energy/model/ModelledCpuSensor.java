package io.joulebench.energy.model;

import io.joulebench.energy.Domain;
import io.joulebench.energy.PowerSensor;
import io.joulebench.energy.Reading;
import io.joulebench.energy.UnavailableReason;
import java.util.function.LongSupplier;
import oshi.hardware.CentralProcessor;

/** MODELLED CPU package power from system load ticks (OSHI) and TDP. */
final class ModelledCpuSensor implements PowerSensor {
    private final CentralProcessor cpu;
    private final double tdpWatts;
    private final String basis;
    private final LongSupplier clock;
    private long[] previous;
    private double lastLoad = Double.NaN;

    ModelledCpuSensor(CentralProcessor cpu, double tdpWatts, String basis, LongSupplier clock) {
        this.cpu = cpu;
        this.tdpWatts = tdpWatts;
        this.basis = basis;
        this.clock = clock;
        this.previous = cpu.getSystemCpuLoadTicks();
        primeLoad();
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
            long[] now = cpu.getSystemCpuLoadTicks();
            double load = CpuPowerModel.load(previous, now);
            if (!Double.isNaN(load)) {
                previous = now;
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
        return "MODELLED: TDP x (0.1 + 0.9 x load^3) with system load from OSHI ticks; " + basis;
    }

    @Override
    public boolean modelled() {
        return true;
    }

    @Override
    public synchronized Reading read() {
        long[] now = cpu.getSystemCpuLoadTicks();
        double load = CpuPowerModel.load(previous, now);
        long t = clock.getAsLong();
        if (Double.isNaN(load)) {
            // No tick elapsed since the last reading (reads faster than the kernel's tick): keep the last load.
            if (Double.isNaN(lastLoad)) {
                // No load known yet: a missing reading, never a made-up load of 0.
                return new Reading.Missing(UnavailableReason.UNKNOWN, "MODELLED CPU power: no CPU load known yet "
                        + "(no scheduler tick elapsed since the model started)", t);
            }
            load = lastLoad;
        } else {
            previous = now;
        }
        lastLoad = load;
        return new Reading.Power(CpuPowerModel.watts(tdpWatts, load) * 1000.0, t);
    }
}
