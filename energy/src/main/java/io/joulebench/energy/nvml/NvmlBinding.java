package io.joulebench.energy.nvml;

import java.util.List;

/**
 * The NVML calls JouleBench makes, as a Java interface: {@link JnaNvmlBinding} binds the real library, tests may
 * inject a pure-Java fake. Every method throws {@link NvmlException} carrying the NVML return code.
 */
public interface NvmlBinding {

    /** An opaque device handle. */
    interface Device {
        /** Index the handle was obtained for. */
        int index();
    }

    /** GPU memory in bytes. */
    record MemoryInfo(long totalBytes, long freeBytes, long usedBytes) {
    }

    /** Utilisation in percent over the driver's last sample period. */
    record Utilization(int gpuPercent, int memoryPercent) {
    }

    /**
     * A process holding a compute context on the GPU.
     *
     * @param usedGpuMemoryBytes null when NVML cannot say (NVML_VALUE_NOT_AVAILABLE, e.g. on Windows WDDM or for a
     *                           process in another container)
     */
    record ComputeProcess(long pid, Long usedGpuMemoryBytes) {
    }

    /** NVML_CLOCK_GRAPHICS, NVML_CLOCK_SM, NVML_CLOCK_MEM. */
    enum ClockType { GRAPHICS, SM, MEMORY }

    void init() throws NvmlException;

    void shutdown() throws NvmlException;

    int deviceCount() throws NvmlException;

    Device device(int index) throws NvmlException;

    String name(Device d) throws NvmlException;

    String uuid(Device d) throws NvmlException;

    String pciBusId(Device d) throws NvmlException;

    String driverVersion() throws NvmlException;

    /** Total energy since the driver loaded, millijoules (Volta and newer). */
    long totalEnergyMillijoules(Device d) throws NvmlException;

    /** Power draw in milliwatts (a 1 s average on Ampere and newer, except A100). */
    long powerUsageMilliwatts(Device d) throws NvmlException;

    /** The power management limit in milliwatts (enforced limit where that fails). */
    long powerLimitMilliwatts(Device d) throws NvmlException;

    MemoryInfo memoryInfo(Device d) throws NvmlException;

    Utilization utilization(Device d) throws NvmlException;

    int clockMhz(Device d, ClockType type) throws NvmlException;

    /** GPU core temperature, Celsius. */
    int temperatureCelsius(Device d) throws NvmlException;

    List<ComputeProcess> computeProcesses(Device d) throws NvmlException;

    /** NVML's text for a return code. */
    String errorString(int code);
}
