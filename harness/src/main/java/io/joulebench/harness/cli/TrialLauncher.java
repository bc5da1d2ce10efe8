package io.joulebench.harness.cli;

import io.joulebench.algorithms.data.DatasetException;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.harness.Main;
import io.joulebench.harness.trial.TrialJvmOptions;
import io.joulebench.harness.trial.TrialSpec;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a trial's own JVM: this JVM's java, options (less those sizing its heap or choosing its
 * collector) and class path, the trial's memory options ({@link TrialJvmOptions}), then the worker.
 */
final class TrialLauncher {
    private TrialLauncher() {
    }

    static List<String> javaCommand(TrialSpec spec) {
        return javaCommand(ManagementFactory.getRuntimeMXBean().getInputArguments(),
                TrialJvmOptions.forTrial(System.getenv(TrialJvmOptions.ENV), datasetBytes(spec.dataset()),
                        physicalMemoryBytes()));
    }

    static List<String> javaCommand(List<String> parentArgs, List<String> trialOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : TrialJvmOptions.withoutMemoryOptions(parentArgs)) {
            // A debugger agent would try to bind the parent's port a second time.
            if (!arg.startsWith("-agentlib:jdwp") && !arg.startsWith("-Xrunjdwp")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(trialOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        return cmd;
    }

    /** What the dataset holds loaded; 0 for an id the worker will refuse anyway. */
    static long datasetBytes(String dataset) {
        try {
            return Datasets.inMemoryBytes(dataset);
        } catch (DatasetException e) {
            return 0;
        }
    }

    static long physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory() * 4; // the JVM's default heap is a quarter of it
    }
}
