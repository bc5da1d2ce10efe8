package io.joulebench.energy;

/** Why a provider, sensor or reading is not available. A closed list; the message carries the detail. */
public enum UnavailableReason {
    /** A native library (libnvidia-ml.so.1) could not be loaded. */
    LIBRARY_MISSING,
    /** The driver is not loaded (NVML_ERROR_DRIVER_NOT_LOADED). */
    DRIVER_NOT_LOADED,
    /**
     * The driver's user-space library and the loaded kernel module are different versions
     * (NVML_ERROR_LIB_RM_VERSION_MISMATCH), typically after a driver upgrade without a reboot.
     */
    DRIVER_VERSION_MISMATCH,
    /** The library loaded but found no device. */
    NO_DEVICE,
    /** The interface (e.g. /sys/class/powercap, RAPL zones) does not exist here. */
    NOT_PRESENT,
    /** The device does not support this query (NVML_ERROR_NOT_SUPPORTED). */
    NOT_SUPPORTED,
    /** Present but not readable by this user. */
    NO_PERMISSION,
    /** A sensor that worked stopped working (zone vanished, GPU lost, I/O error). */
    SENSOR_FAILED,
    /** A reading outside the plausible range (see {@link Plausibility}); rejected, counted as a gap. */
    IMPLAUSIBLE,
    /** A counter that did not advance over many of its update periods (see {@link Plausibility#staleAfter}). */
    STALE,
    /** Switched off by configuration. */
    DISABLED,
    /** Anything else; the message says what. */
    UNKNOWN
}
