package io.joulebench.energy.nvml;

import io.joulebench.energy.PowerSensor;
import io.joulebench.energy.Reading;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/** A GPU's power usage (milliwatts), for GPUs without the energy counter; integrated by the meter. */
final class NvmlPowerSensor extends NvmlDeviceSensor implements PowerSensor {

    NvmlPowerSensor(NvmlSession session, NvmlBinding.Device device, String name, OptionalDouble limitWatts,
            LongSupplier clock) {
        super(session, device, "NVML power usage, GPU " + device.index() + " " + name
                + " (board; trapezoid-integrated; no energy counter on this GPU)", limitWatts, clock);
    }

    @Override
    public Reading read() {
        return read(NvmlBinding::powerUsageMilliwatts, (mw, nanos) -> new Reading.Power(mw, nanos));
    }
}
