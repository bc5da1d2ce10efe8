package io.joulebench.energy.nvml;

import java.util.List;

/**
 * A snapshot of one GPU's state for provenance. A field is null when NVML could not give it (never 0).
 *
 * @param energySource {@code COUNTER} (total energy), {@code POWER} (power usage only) or {@code NONE}
 */
public record GpuFacts(int index, String name, String uuid, String pciBusId, String driverVersion,
                       Long powerLimitMilliwatts, Long memoryTotalBytes, Long memoryUsedBytes,
                       Integer utilizationGpuPercent, Integer smClockMhz, Integer memoryClockMhz,
                       Integer temperatureCelsius, List<Long> computeProcessPids, String energySource) {
    public GpuFacts {
        computeProcessPids = computeProcessPids == null ? null : List.copyOf(computeProcessPids);
    }
}
