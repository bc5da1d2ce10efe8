package io.joulebench.harness.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.joulebench.harness.cli.JouleBenchCommand;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real one-node Slurm (scripts/slurm/local-cluster.sh): a 2-arm x 3-seed suite as a job array of 3 tasks, 2 at
 * once, then the merge job. Skipped only where Slurm cannot run here (not root, no apt-get and no Slurm).
 */
@Tag("slurm")
class SlurmIntegrationTest {
    private static final Path SCRIPT = repoRoot().resolve("scripts/slurm/local-cluster.sh");
    private static boolean startedHere;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        boolean root = "0".equals(run(Duration.ofSeconds(10), "id", "-u").strip());
        boolean slurm = onPath("sbatch") && onPath("slurmctld");
        String why = !root ? "not root (the local cluster needs root to start munge and slurmd)"
                : !slurm && !onPath("apt-get") ? "no Slurm and no apt-get to install it" : null;
        if (why != null) {
            System.out.println("SlurmIntegrationTest skipped: " + why);
        }
        assumeTrue(why == null, why);
        startedHere = !run(Duration.ofSeconds(10), SCRIPT.toString(), "status").contains("slurmd: running");
        String log = run(Duration.ofMinutes(4), SCRIPT.toString(), "start");
        assertTrue(log.contains("running") || log.contains("already running"), log);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (startedHere) {
            run(Duration.ofMinutes(1), SCRIPT.toString(), "stop");
        }
    }

    @Test
    void aSuiteRunsAsAnArrayAndIsMergedOncePerTrial() throws Exception {
        Path suite = tmp.resolve("tiny.yaml");
        Files.writeString(suite, String.join("\n",
                "name: slurm-it",
                "dataset: fashion-mnist-subset",
                "seeds: [1, 2, 3]",
                "warmup: 0",
                "idle: 0s",
                "cooldown: 0s",
                "energy: {no-energy: true}",
                "arms:",
                "  - id: bp",
                "    trainer: bp-mlp",
                "    parameters: {hidden: [32, 32], epochs: 2}",
                "  - id: mf",
                "    trainer: mf",
                "    baseline: bp",
                "    parameters: {hidden: [32, 32], epochs: 2}", ""));
        Path out = tmp.resolve("out");
        long start = System.nanoTime();
        int exit = assertTimeoutPreemptively(Duration.ofMinutes(5), () -> JouleBenchCommand.execute("slurm",
                suite.toString(), "--out", out.toString(), "--parallel", "2", "--launcher", launcher(), "--wait",
                "--poll", "1"));
        System.out.printf(java.util.Locale.ROOT, "SlurmIntegrationTest: array + merge took %.0f s%n",
                (System.nanoTime() - start) / 1e9);
        assertEquals(0, exit, "joulebench slurm --wait; logs in " + out.resolve("slurm/logs"));

        List<TrialRecord> records = new ResultsStore(out).readAll();
        assertEquals(6, records.size(), "6 trials (2 arms x 3 seeds), each once: " + keys(records));
        assertEquals(6, records.stream().map(TrialRecord::key).distinct().count(), "one record per key");
        assertTrue(records.stream().allMatch(TrialRecord::completed), "all completed");
        Set<String> armSeeds = records.stream().map(r -> r.suite().arm() + "/" + r.spec().seed())
                .collect(Collectors.toSet());
        assertEquals(Set.of("bp/1", "bp/2", "bp/3", "mf/1", "mf/2", "mf/3"), armSeeds);
        Set<String> tasks = records.stream().map(r -> r.provenance().scheduler().get("SLURM_ARRAY_TASK_ID"))
                .collect(Collectors.toSet());
        assertTrue(tasks.size() >= 2 && !tasks.contains(null), "records from at least two array tasks: " + tasks);
        assertTrue(Files.size(out.resolve("stats.json")) > 0, "the merge job wrote stats.json");
        if (hasReportCommand()) {
            try (Stream<Path> files = Files.walk(out.resolve("report"))) {
                assertTrue(files.anyMatch(Files::isRegularFile), "the merge job wrote the report");
            }
        } else {
            System.out.println("SlurmIntegrationTest: no 'report' command in this build; report not checked");
        }

        // Merging again adds nothing.
        List<String> shards = new ArrayList<>();
        try (Stream<Path> s = Files.list(out.resolve("shards"))) {
            s.forEach(p -> shards.add(p.toString()));
        }
        assertEquals(3, shards.size(), "one shard folder per block");
        long lines = Files.readAllLines(out.resolve(ResultsStore.FILE_NAME)).size();
        List<String> again = new ArrayList<>(List.of("merge", "--out", out.toString()));
        again.addAll(shards);
        assertEquals(0, JouleBenchCommand.execute(again.toArray(String[]::new)));
        assertEquals(lines, Files.readAllLines(out.resolve(ResultsStore.FILE_NAME)).size());
    }

    /** This JVM's java and class path: the jar may not be built yet when the tests run. */
    private static String launcher() {
        return Shell.join(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "io.joulebench.harness.Main"));
    }

    private static boolean hasReportCommand() {
        return JouleBenchCommand.execute("help", "report") == 0;
    }

    private static Map<String, Long> keys(List<TrialRecord> records) {
        return records.stream().collect(Collectors.groupingBy(r -> r.suite().arm() + "/" + r.spec().seed(),
                Collectors.counting()));
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        return Files.exists(p.resolve("scripts")) ? p : p.getParent();
    }

    private static String run(Duration limit, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Function<Process, String> read = proc -> {
            try {
                return new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        };
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> read.apply(p));
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within " + limit);
        }
        return output.join();
    }
}
