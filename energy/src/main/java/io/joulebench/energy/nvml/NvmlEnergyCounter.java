package io.joulebench.energy.nvml;

import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.Reading;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/** A GPU's total-energy counter (millijoules since driver load), read as microjoules. */
final class NvmlEnergyCounter extends NvmlDeviceSensor implements EnergyCounter {

    NvmlEnergyCounter(NvmlSession session, NvmlBinding.Device device, String name, OptionalDouble limitWatts,
            LongSupplier clock) {
        super(session, device, "NVML total energy counter, GPU " + device.index() + " " + name + " (board)",
                limitWatts, clock);
    }

    @Override
    public long resolutionMicrojoules() {
        return 1000;
    }

    @Override
    public Reading read() {
        return read(NvmlBinding::totalEnergyMillijoules,
                (mj, nanos) -> new Reading.Energy(Math.multiplyExact(mj, 1000L), nanos));
    }
}
