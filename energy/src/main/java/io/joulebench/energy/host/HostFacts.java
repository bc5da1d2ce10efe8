package io.joulebench.energy.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Facts about the machine for provenance. A field is null when it cannot be read here (never 0).
 *
 * @param cpuModel          processor name as the OS reports it
 * @param cpuPackages       physical packages (sockets)
 * @param physicalCores     physical cores, all packages
 * @param logicalCores      hardware threads, all packages
 * @param maxFrequencyHz    the maximum frequency OSHI reports, null when unknown
 * @param frequencyGovernor cpufreq scaling governor of cpu0, null where /sys does not expose it
 * @param os                operating system, version and build
 * @param totalMemoryBytes  installed memory visible to the OS
 */
public record HostFacts(String cpuModel, int cpuPackages, int physicalCores, int logicalCores, Long maxFrequencyHz,
                        String frequencyGovernor, String os, long totalMemoryBytes) {

    private static final Path GOVERNOR = Path.of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");

    /** Collects the facts of this machine. */
    public static HostFacts collect() {
        SystemInfo si = new SystemInfo();
        HardwareAbstractionLayer hal = si.getHardware();
        CentralProcessor cpu = hal.getProcessor();
        long max = cpu.getMaxFreq();
        return new HostFacts(cpu.getProcessorIdentifier().getName().trim(), cpu.getPhysicalPackageCount(),
                cpu.getPhysicalProcessorCount(), cpu.getLogicalProcessorCount(), max > 0 ? max : null,
                readGovernor(GOVERNOR), si.getOperatingSystem().toString(), hal.getMemory().getTotal());
    }

    /** The governor in {@code file}, or null when absent/unreadable. */
    static String readGovernor(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException e) {
            return null;
        }
    }
}
