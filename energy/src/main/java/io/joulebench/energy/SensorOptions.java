package io.joulebench.energy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.LongSupplier;

/**
 * Where the hardware is, injected: the powercap root, the NVML library, and the monotonic clock every reading is
 * stamped with. Resolution order for the paths: explicit (CLI option) &gt; system property &gt; environment &gt;
 * default.
 *
 * @param powercapRoot the powercap class directory (default {@code /sys/class/powercap})
 * @param nvmlLibrary  the NVML library to load: a file path or a library name (default {@code nvidia-ml}, i.e.
 *                     {@code libnvidia-ml.so.1} on the linker path)
 * @param nanoClock    the monotonic clock ({@code System::nanoTime})
 * @param powercapSetBy who chose the powercap root ({@code --powercap-root}, {@code system property ...},
 *                      {@code environment ...}); null for the default. A provider whose explicit location fails is
 *                      an error, never a silent fallback (see {@code EnergyMeter#requireExplicitLocations}).
 * @param nvmlSetBy     who chose the NVML library, likewise
 * @param loadTree      the process tree whose CPU time is the model's load ({@code --scope process}); null for the
 *                      whole system's load
 */
public record SensorOptions(Path powercapRoot, String nvmlLibrary, LongSupplier nanoClock, String powercapSetBy,
                            String nvmlSetBy, io.joulebench.energy.process.ProcessTree loadTree) {

    /** System property naming the powercap root. */
    public static final String POWERCAP_ROOT_PROPERTY = "joulebench.powercap.root";
    /** Environment variable naming the powercap root. */
    public static final String POWERCAP_ROOT_ENV = "JOULEBENCH_POWERCAP_ROOT";
    /** System property naming the NVML library. */
    public static final String NVML_LIBRARY_PROPERTY = "joulebench.nvml.library";
    /** Environment variable naming the NVML library. */
    public static final String NVML_LIBRARY_ENV = "JOULEBENCH_NVML_LIBRARY";
    /** Default powercap root. */
    public static final Path DEFAULT_POWERCAP_ROOT = Path.of("/sys/class/powercap");
    /** Default NVML library name; JNA maps it to libnvidia-ml.so(.1). */
    public static final String DEFAULT_NVML_LIBRARY = "nvidia-ml";

    public SensorOptions {
        Objects.requireNonNull(powercapRoot, "powercapRoot");
        Objects.requireNonNull(nvmlLibrary, "nvmlLibrary");
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** With the whole system's load for the model. */
    public SensorOptions(Path powercapRoot, String nvmlLibrary, LongSupplier nanoClock, String powercapSetBy,
                         String nvmlSetBy) {
        this(powercapRoot, nvmlLibrary, nanoClock, powercapSetBy, nvmlSetBy, null);
    }

    /** Locations chosen by default (programmatic use, tests). */
    public SensorOptions(Path powercapRoot, String nvmlLibrary, LongSupplier nanoClock) {
        this(powercapRoot, nvmlLibrary, nanoClock, null, null);
    }

    /** Defaults resolved from system properties and the environment. */
    public static SensorOptions defaults() {
        return resolve(null, null);
    }

    /**
     * Resolves each path: the explicit value when not null, else the system property, else the environment
     * variable, else the default.
     */
    public static SensorOptions resolve(Path explicitPowercapRoot, String explicitNvmlLibrary) {
        return resolve(explicitPowercapRoot, explicitNvmlLibrary, System.getProperties(), System.getenv());
    }

    /** As {@link #resolve(Path, String)} with the property and environment sources injected (for tests). */
    public static SensorOptions resolve(Path explicitPowercapRoot, String explicitNvmlLibrary,
                                        Properties properties, Map<String, String> environment) {
        Path powercap = explicitPowercapRoot;
        String powercapBy = powercap == null ? null : "--powercap-root";
        if (powercap == null) {
            powercapBy = setBy(properties, POWERCAP_ROOT_PROPERTY, environment, POWERCAP_ROOT_ENV);
            String v = firstNonBlank(properties.getProperty(POWERCAP_ROOT_PROPERTY), environment.get(POWERCAP_ROOT_ENV));
            powercap = v == null ? DEFAULT_POWERCAP_ROOT : Path.of(v);
        }
        String nvml = explicitNvmlLibrary;
        String nvmlBy = nvml == null || nvml.isBlank() ? null : "--nvml-library";
        if (nvml == null || nvml.isBlank()) {
            nvmlBy = setBy(properties, NVML_LIBRARY_PROPERTY, environment, NVML_LIBRARY_ENV);
            String v = firstNonBlank(properties.getProperty(NVML_LIBRARY_PROPERTY), environment.get(NVML_LIBRARY_ENV));
            nvml = v == null ? DEFAULT_NVML_LIBRARY : v;
        }
        return new SensorOptions(powercap, nvml, System::nanoTime, powercapBy, nvmlBy);
    }

    private static String setBy(Properties properties, String property, Map<String, String> environment, String env) {
        String p = properties.getProperty(property);
        if (p != null && !p.isBlank()) {
            return "system property " + property;
        }
        String e = environment.get(env);
        return e != null && !e.isBlank() ? "environment variable " + env : null;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** A copy with another powercap root. */
    public SensorOptions withPowercapRoot(Path root) {
        return new SensorOptions(root, nvmlLibrary, nanoClock, powercapSetBy, nvmlSetBy, loadTree);
    }

    /** A copy with another NVML library. */
    public SensorOptions withNvmlLibrary(String library) {
        return new SensorOptions(powercapRoot, library, nanoClock, powercapSetBy, nvmlSetBy, loadTree);
    }

    /** A copy with another monotonic clock (tests). */
    public SensorOptions withClock(LongSupplier clock) {
        return new SensorOptions(powercapRoot, nvmlLibrary, clock, powercapSetBy, nvmlSetBy, loadTree);
    }

    /** A copy whose model takes its CPU load from this process tree ({@code --scope process}); null: the system's. */
    public SensorOptions withLoadTree(io.joulebench.energy.process.ProcessTree tree) {
        return new SensorOptions(powercapRoot, nvmlLibrary, nanoClock, powercapSetBy, nvmlSetBy, tree);
    }

    /** Reads the monotonic clock. */
    public long nanoTime() {
        return nanoClock.getAsLong();
    }
}
