package io.joulebench.energy.nvml;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/** Direct JNA mapping of the NVML C functions (nvml.h). Package-private: use {@link JnaNvmlBinding}. */
interface NvmlNative extends Library {
    int nvmlInit_v2();

    int nvmlShutdown();

    int nvmlDeviceGetCount_v2(IntByReference count);

    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    int nvmlDeviceGetPciInfo_v3(Pointer device, Pointer pciInfo);

    int nvmlSystemGetDriverVersion(byte[] version, int length);

    int nvmlDeviceGetTotalEnergyConsumption(Pointer device, LongByReference energyMillijoules);

    int nvmlDeviceGetPowerUsage(Pointer device, IntByReference milliwatts);

    int nvmlDeviceGetPowerManagementLimit(Pointer device, IntByReference milliwatts);

    int nvmlDeviceGetEnforcedPowerLimit(Pointer device, IntByReference milliwatts);

    int nvmlDeviceGetMemoryInfo(Pointer device, Pointer memory);

    int nvmlDeviceGetUtilizationRates(Pointer device, Pointer utilization);

    int nvmlDeviceGetClockInfo(Pointer device, int clockType, IntByReference mhz);

    int nvmlDeviceGetTemperature(Pointer device, int sensorType, IntByReference celsius);

    int nvmlDeviceGetComputeRunningProcesses_v3(Pointer device, IntByReference infoCount, Pointer infos);

    String nvmlErrorString(int result);
}
