package io.joulebench.energy.nvml;

import io.joulebench.energy.Domain;
import io.joulebench.energy.PowerSensor;
import io.joulebench.energy.Reading;
import java.util.function.LongSupplier;

/** A GPU's power usage (milliwatts), for GPUs without the energy counter; integrated by the meter. */
final class NvmlPowerSensor implements PowerSensor {
    private final NvmlSession session;
    private final NvmlBinding.Device device;
    private final Domain domain;
    private final String description;
    private final LongSupplier clock;
    private boolean closed;

    NvmlPowerSensor(NvmlSession session, NvmlBinding.Device device, String name, LongSupplier clock) {
        this.session = session;
        this.device = device;
        this.domain = Domain.gpu(device.index());
        this.description = "NVML power usage, GPU " + device.index() + " " + name
                + " (board; trapezoid-integrated; no energy counter on this GPU)";
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
    public Reading read() {
        try {
            long mw = session.binding().powerUsageMilliwatts(device);
            return new Reading.Power(mw, clock.getAsLong());
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
