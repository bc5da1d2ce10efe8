package io.joulebench.energy.rapl;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * One powercap zone directory.
 *
 * @param directory          e.g. {@code /sys/class/powercap/intel-rapl:0:2}
 * @param controlType        {@code intel-rapl}, {@code intel-rapl-mmio}, ...
 * @param name               content of its {@code name} file ({@code package-0}, {@code dram}, {@code core}, ...)
 * @param qualifiedName      names from the top-level zone down, e.g. {@code package-0/dram}
 * @param depth              0 for a top-level zone, 1 for a subzone, ...
 * @param maxEnergyRangeUj   the counter's modulus ({@code max_energy_range_uj})
 * @param maxPowerMicrowatts {@code constraint_0_max_power_uw} when present and positive
 */
public record PowercapZone(Path directory, String controlType, String name, String qualifiedName, int depth,
                           long maxEnergyRangeUj, OptionalLong maxPowerMicrowatts) {

    /** The zone's directory name, e.g. {@code intel-rapl:0:2}. */
    public String id() {
        return directory.getFileName().toString();
    }

    /** The energy counter file. */
    public Path energyFile() {
        return directory.resolve("energy_uj");
    }

    /** True for an MMIO mirror interface. */
    public boolean mmio() {
        return controlType.contains("mmio");
    }
}
