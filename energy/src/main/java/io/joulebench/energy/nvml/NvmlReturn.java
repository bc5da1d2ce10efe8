package io.joulebench.energy.nvml;

import io.joulebench.energy.UnavailableReason;

/** NVML return codes (nvmlReturn_t) used by JouleBench, and their typed reasons. */
public final class NvmlReturn {
    public static final int SUCCESS = 0;
    public static final int UNINITIALIZED = 1;
    public static final int INVALID_ARGUMENT = 2;
    public static final int NOT_SUPPORTED = 3;
    public static final int NO_PERMISSION = 4;
    public static final int NOT_FOUND = 6;
    public static final int INSUFFICIENT_SIZE = 7;
    public static final int DRIVER_NOT_LOADED = 9;
    public static final int LIBRARY_NOT_FOUND = 12;
    public static final int FUNCTION_NOT_FOUND = 13;
    public static final int GPU_IS_LOST = 15;
    /** NVML_ERROR_LIB_RM_VERSION_MISMATCH: libnvidia-ml and the nvidia kernel module differ. */
    public static final int LIB_RM_VERSION_MISMATCH = 18;
    public static final int GPU_NOT_FOUND = 28;
    public static final int UNKNOWN = 999;

    private NvmlReturn() {
    }

    /** The typed reason for a return code. */
    public static UnavailableReason reason(int code) {
        return switch (code) {
            case LIBRARY_NOT_FOUND -> UnavailableReason.LIBRARY_MISSING;
            case DRIVER_NOT_LOADED -> UnavailableReason.DRIVER_NOT_LOADED;
            case NOT_FOUND, GPU_NOT_FOUND -> UnavailableReason.NO_DEVICE;
            case NOT_SUPPORTED, FUNCTION_NOT_FOUND -> UnavailableReason.NOT_SUPPORTED;
            case NO_PERMISSION -> UnavailableReason.NO_PERMISSION;
            case GPU_IS_LOST -> UnavailableReason.SENSOR_FAILED;
            case LIB_RM_VERSION_MISMATCH -> UnavailableReason.DRIVER_VERSION_MISMATCH;
            default -> UnavailableReason.UNKNOWN;
        };
    }

    /** What to do about a code, or an empty string. */
    public static String fix(int code) {
        return switch (code) {
            case LIBRARY_NOT_FOUND -> "install the NVIDIA driver, or point --nvml-library (joulebench.nvml.library, "
                    + "JOULEBENCH_NVML_LIBRARY) at libnvidia-ml.so.1; in a container use the NVIDIA container toolkit";
            case DRIVER_NOT_LOADED -> "load the NVIDIA kernel driver (nvidia-smi should work)";
            case NO_PERMISSION -> "run with permission to open /dev/nvidia* (video group or root)";
            case LIB_RM_VERSION_MISMATCH -> "the NVIDIA library and kernel module versions differ (driver "
                    + "upgraded without a reboot): reboot or reload the nvidia kernel module";
            case NOT_SUPPORTED -> "this GPU/driver does not offer the query; an older GPU may only offer power";
            default -> "";
        };
    }
}
