package io.joulebench.energy.nvml;

import io.joulebench.energy.Domain;
import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.Reading;
import java.util.function.LongSupplier;

/** A GPU's total-energy counter (millijoules since driver load), read as microjoules. */
final class NvmlEnergyCounter implements EnergyCounter {
    private final NvmlSession session;
    private final NvmlBinding.Device device;
    private final Domain domain;
    private final String description;
    private final LongSupplier clock;
    private boolean closed;

    NvmlEnergyCounter(NvmlSession session, NvmlBinding.Device device, String name, LongSupplier clock) {
        this.session = session;
        this.device = device;
        this.domain = Domain.gpu(device.index());
        this.description = "NVML total energy counter, GPU " + device.index() + " " + name + " (board)";
        this.clock = clock;
        session.acquire();
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public String providerId() {
        return NvmlProvider.ID;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public long resolutionMicrojoules() {
        return 1000;
    }

    @Override
    public Reading read() {
        try {
            long mj = session.binding().totalEnergyMillijoules(device);
            return new Reading.Energy(Math.multiplyExact(mj, 1000L), clock.getAsLong());
        } catch (NvmlException e) {
            return new Reading.Missing(e.reason(), e.getMessage(), clock.getAsLong());
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            session.release();
        }
    }
}
