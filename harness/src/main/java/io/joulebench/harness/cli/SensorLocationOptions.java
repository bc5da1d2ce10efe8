package io.joulebench.harness.cli;

import io.joulebench.energy.SensorOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --powercap-root} and {@code --nvml-library}, shared by the energy commands (a picocli mixin). */
public final class SensorLocationOptions {

    @Option(names = "--powercap-root", paramLabel = "DIR",
            description = "powercap sysfs directory (default: system property joulebench.powercap.root, "
                    + "env JOULEBENCH_POWERCAP_ROOT, else /sys/class/powercap)")
    Path powercapRoot;

    @Option(names = "--nvml-library", paramLabel = "FILE",
            description = "NVML library to load (default: system property joulebench.nvml.library, "
                    + "env JOULEBENCH_NVML_LIBRARY, else libnvidia-ml.so.1 on the library path)")
    String nvmlLibrary;

    /** The resolved sensor options. */
    public SensorOptions resolve() {
        return SensorOptions.resolve(powercapRoot, nvmlLibrary);
    }
}
