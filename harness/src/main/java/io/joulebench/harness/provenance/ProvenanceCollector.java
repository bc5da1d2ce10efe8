package io.joulebench.harness.provenance;

import io.joulebench.algorithms.Backend;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.energy.host.HostFacts;
import io.joulebench.harness.trial.TrialJvmOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Gathers provenance facts once per process; the dataset part per dataset. */
public final class ProvenanceCollector {
    private final Path checkout;
    private Provenance machine;

    /** @param checkout the folder to ask git about (the JouleBench checkout), or null for the working folder */
    public ProvenanceCollector(Path checkout) {
        this.checkout = checkout == null ? Path.of("").toAbsolutePath() : checkout;
    }

    /**
     * Collects the machine's facts now. Asking the backend for its facts loads ND4J's and oneDNN's native libraries:
     * done before a trial's training window opens, that one-off cost stays out of its time and energy.
     */
    public synchronized void prepare() {
        if (machine == null) {
            machine = collectMachine();
        }
    }

    public synchronized Provenance collect(Dataset dataset) {
        prepare();
        Provenance.DatasetFacts facts = new Provenance.DatasetFacts(dataset.info().id(), dataset.source(),
                dataset.splitSeed(), dataset.train().size(), dataset.validation().size(), dataset.test().size(),
                dataset.fileSha256());
        return new Provenance(machine.joulebenchVersion(), machine.gitCommit(), machine.gitNote(), machine.jvm(),
                machine.host(), machine.backend(), facts, machine.scheduler(), Map.of());
    }

    private Provenance collectMachine() {
        Map<String, String> jvm = new LinkedHashMap<>();
        for (String key : List.of("java.version", "java.vendor", "java.vm.name", "java.vm.version")) {
            jvm.put(key, System.getProperty(key));
        }
        jvm.put("maxHeapBytes", Long.toString(Runtime.getRuntime().maxMemory()));
        // The collector and heap options shape peak RSS (a trial's JVM gets its own: TrialJvmOptions).
        jvm.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(",")));
        jvm.put("memoryOptions", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(TrialJvmOptions::isMemoryOption).collect(Collectors.joining(" ")));

        String version = ProvenanceCollector.class.getPackage().getImplementationVersion();
        String[] git = git();
        return new Provenance(version == null ? "development" : version, git[0], git[1], jvm, host(HostFacts.collect()),
                Backend.facts(), null, scheduler(System.getenv()), Map.of());
    }

    static Provenance.Host host(HostFacts h) {
        return new Provenance.Host(hostname(), h.cpuModel(), h.cpuPackages(), h.physicalCores(), h.logicalCores(),
                h.maxFrequencyHz(), h.frequencyGovernor(), h.os(), h.totalMemoryBytes());
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return System.getenv("HOSTNAME");
        }
    }

    /** Slurm's job facts, where the trial runs under it. */
    static Map<String, String> scheduler(Map<String, String> env) {
        Map<String, String> facts = new java.util.TreeMap<>();
        for (String name : List.of("SLURM_JOB_ID", "SLURM_ARRAY_JOB_ID", "SLURM_ARRAY_TASK_ID",
                "SLURM_ARRAY_TASK_COUNT", "SLURMD_NODENAME", "SLURM_JOB_PARTITION")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                facts.put(name, v);
            }
        }
        return facts;
    }

    /**
     * {commit or null, note}. The commit is the one the running jar was built from (recorded at build time in
     * {@value #BUILD_PROPERTIES}), so a run with an older jar is not credited to a newer checkout; without that
     * file (classes run from an IDE, say), the checkout's HEAD.
     */
    String[] git() {
        String head = run("git", "-C", checkout.toString(), "rev-parse", "HEAD");
        boolean headKnown = head != null && head.matches("[0-9a-f]{40}");
        Properties build = buildProperties();
        String built = build.getProperty("git.commit.id", "");
        if (built.matches("[0-9a-f]{40}")) {
            String note = "true".equals(build.getProperty("git.dirty")) ? "built with uncommitted changes" : "clean";
            if (headKnown && !head.equals(built)) {
                note += "; the checkout is now at " + head;
            }
            return new String[] {built, note};
        }
        if (!headKnown) {
            return new String[] {null, "unknown: " + checkout + " is not a git checkout, or git is not installed"};
        }
        String status = run("git", "-C", checkout.toString(), "status", "--porcelain", "--untracked-files=no");
        String note = status == null ? "unknown whether clean" : status.isBlank() ? "clean" : "uncommitted changes";
        return new String[] {head, note + " (checkout HEAD; no build record)"};
    }

    static final String BUILD_PROPERTIES = "/joulebench-build.properties";

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // No build record: git() falls back to the checkout.
        }
        return p;
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
