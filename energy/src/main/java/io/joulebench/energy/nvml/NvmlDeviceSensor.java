package io.joulebench.energy.nvml;

import io.joulebench.energy.Domain;
import io.joulebench.energy.Reading;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * What NVML's per-GPU sensors share: one device of a shared, reference-counted NVML session, its domain and
 * description, and turning an NVML error into a missing reading (never 0). Subclasses say what they query.
 */
abstract class NvmlDeviceSensor {
    private final NvmlSession session;
    private final NvmlBinding.Device device;
    private final Domain domain;
    private final String description;
    private final LongSupplier clock;
    private final OptionalDouble limitWatts;
    private boolean closed;

    NvmlDeviceSensor(NvmlSession session, NvmlBinding.Device device, String description, OptionalDouble limitWatts,
                     LongSupplier clock) {
        this.limitWatts = limitWatts;
        this.session = session;
        this.device = device;
        this.domain = Domain.gpu(device.index());
        this.description = description;
        this.clock = clock;
        session.acquire();
    }

    /** One NVML query of this device. */
    interface Query {
        long value(NvmlBinding binding, NvmlBinding.Device device) throws NvmlException;
    }

    /** The reading a queried value makes, stamped when the query returned. */
    interface ToReading {
        Reading of(long value, long nanos);
    }

    final Reading read(Query query, ToReading reading) {
        try {
            long value = query.value(session.binding(), device);
            return reading.of(value, clock.getAsLong());
        } catch (NvmlException e) {
            return new Reading.Missing(e.reason(), e.getMessage(), clock.getAsLong());
        }
    }

    public final Domain domain() {
        return domain;
    }

    public final String providerId() {
        return NvmlProvider.ID;
    }

    /** The enforced power limit NVML gave when the sensor opened. */
    public final OptionalDouble powerLimitWatts() {
        return limitWatts;
    }

    public final String description() {
        return description;
    }

    public final synchronized void close() {
        if (!closed) {
            closed = true;
            session.release();
        }
    }
}
