package io.joulebench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.joulebench.harness.Main;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.results.ResultsStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that need a real process: signals (finding 7), kill -9 of a run in the middle of a trial, a bad
 * OMP_NUM_THREADS (finding 5). Each test starts {@link Main} in a child JVM on the test class path and waits for
 * a marker line on its output before it signals, so nothing depends on timing.
 */
class ProcessFaultsTest {
    /** Generous: a marker line or the end of a child; reached only when something is broken. */
    private static final long PATIENCE_SECONDS = 180;

    /** A child JVM running Main, its output collected line by line. */
    private static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> out = new ArrayList<>();
        final StringBuilder err = new StringBuilder();

        Child(Map<String, String> env, String... args) throws IOException {
            this("-Xmx1g", env, args);
        }

        Child(String heap, Map<String, String> env, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().remove("JOULEBENCH_HOME");
            pb.environment().putAll(env);
            process = pb.start();
            Thread reader = new Thread(() -> copy(process.getInputStream(), true), "child-stdout");
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), false), "child-stderr");
            reader.setDaemon(true);
            errReader.setDaemon(true);
            reader.start();
            errReader.start();
        }

        private void copy(java.io.InputStream in, boolean stdout) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (this) {
                        if (stdout) {
                            out.add(line);
                        } else {
                            err.append(line).append('\n');
                        }
                    }
                    if (stdout) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }

        void awaitLine(String marker) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.contains(marker)) {
                    return;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("no '" + marker + "' from the child; stdout: " + stdout() + " stderr: " + stderr());
        }

        void signal(String name) throws Exception {
            assertEquals(0, new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start()
                    .waitFor());
        }

        int exit() throws InterruptedException {
            assertTrue(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "child did not end");
            Thread.sleep(0); // the readers finish with the streams' end
            return process.exitValue();
        }

        synchronized String stdout() {
            return String.join("\n", out);
        }

        synchronized String stderr() {
            return err.toString();
        }
    }

    private static List<JsonNode> records(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(ResultsStore.FILE_NAME))) {
            out.add(ResultsStore.json().readTree(line));
        }
        return out;
    }

    /** The command line of a process as Linux shows it (ProcessHandle.Info may leave it out). */
    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void assumeUnix() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell and kill");
    }

    @Test
    void sigtermToRunRecordsTheTrialInFlightAndPrintsHowToResume(@TempDir Path dir) throws Exception {
        assumeUnix();
        Path out = dir.resolve("out");
        Child run = new Child(Map.of("JOULEBENCH_TEST_BLOCK_SEED", "2"), "run", "-t", "test-block", "--seed", "1,2",
                "--no-energy", "--out", out.toString());
        run.awaitLine("BLOCKING");
        run.signal("TERM");
        assertEquals(143, run.exit(), run.stderr());
        awaitStreams(run, "resume with:");
        String stdout = run.stdout();
        assertTrue(stdout.contains("interrupted by SIGTERM: 1 trial(s) saved in " + out.toAbsolutePath()
                .resolve(ResultsStore.FILE_NAME)), stdout);
        assertTrue(stdout.contains("saved: test-block on fashion-mnist-subset seed 1 (completed)"), stdout);
        assertTrue(stdout.contains("trial in flight recorded as interrupted (1 epochs kept; resuming reruns it):"
                + " test-block seed 2"), stdout);
        assertTrue(stdout.contains("resume with: joulebench run -t test-block --seed 1,2 --no-energy --out "
                + out), stdout);
        List<JsonNode> records = records(out);
        assertEquals(2, records.size());
        assertEquals("completed", records.get(0).get("status").asText());
        assertEquals("interrupted", records.get(1).get("status").asText());
        assertEquals(1, records.get(1).get("epochs").size());
        assertTrue(records.get(1).get("error").asText().startsWith("interrupted by SIGTERM"));
        assertEquals("", Files.readString(out.resolve(OutputFolder.LOCK_FILE)), "lock released");

        Child resumed = new Child(Map.of(), "run", "-t", "test-block", "--seed", "1,2", "--no-energy", "--out",
                out.toString());
        assertEquals(0, resumed.exit(), resumed.stderr());
        awaitStreams(resumed, "results:");
        assertTrue(resumed.stdout().contains("skipping test-block on fashion-mnist-subset seed 1"), resumed.stdout());
        assertEquals(3, records(out).size());
        assertEquals("completed", records(out).get(2).get("status").asText());
    }

    @Test
    void sigintToRunExitsWith130AndSaysSo(@TempDir Path dir) throws Exception {
        assumeUnix();
        Child run = new Child(Map.of("JOULEBENCH_TEST_BLOCK_SEED", "1"), "run", "-t", "test-block", "--no-energy",
                "--out", dir.toString());
        run.awaitLine("BLOCKING");
        run.signal("INT");
        assertEquals(130, run.exit(), run.stderr());
        awaitStreams(run, "resume with:");
        assertTrue(run.stdout().contains("interrupted by SIGINT: 0 trial(s) saved"), run.stdout());
        assertEquals("interrupted", records(dir).get(0).get("status").asText());
    }

    /**
     * kill -9 of a trial's own JVM: that trial is recorded as failed with the exit status and the tail of its
     * stderr, the next trial still runs, and the same command afterwards reruns only the killed one.
     */
    @Test
    void aKilledTrialJvmIsAFailedTrialAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        assumeUnix();
        Child run = new Child(Map.of("JOULEBENCH_TEST_BLOCK_SEED", "2"), "run", "-t", "test-block", "--seed", "1..3",
                "--no-energy", "--out", dir.toString());
        run.awaitLine("BLOCKING");
        ProcessHandle trial = run.process.toHandle().descendants()
                .filter(p -> cmdline(p.pid()).contains("trial-worker")).findFirst().orElseThrow();
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(trial.pid())).start().waitFor());
        assertEquals(1, run.exit(), run.stderr());
        List<JsonNode> records = records(dir);
        assertEquals(List.of("completed", "failed", "completed"), records.stream()
                .map(r -> r.get("status").asText()).toList());
        JsonNode killed = records.get(1);
        assertTrue(killed.get("error").asText().contains("exited with status 137 (killed: SIGKILL"),
                killed.toString());
        assertEquals(137, killed.at("/execution/exitStatus").asInt());
        assertTrue(killed.at("/execution/forked").asBoolean());
        assertTrue(killed.at("/metrics").findValuesAsText("obtained").stream().allMatch("unavailable"::equals),
                "a killed trial has no figure, never 0: " + killed);

        Child resumed = new Child(Map.of(), "run", "-t", "test-block", "--seed", "1..3", "--no-energy", "--out",
                dir.toString());
        assertEquals(0, resumed.exit(), resumed.stderr());
        awaitStreams(resumed, "results:");
        List<JsonNode> after = records(dir);
        assertEquals(4, after.size(), "only the killed trial ran again");
        assertEquals(2L, after.get(3).at("/spec/seed").asLong());
        assertEquals("completed", after.get(3).get("status").asText());
    }

    /** kill -9 in the middle of a trial, and a line cut as a crash would: readable, resumable, nothing glued. */
    @Test
    void killMinus9MidTrialLeavesTheResultsReadableAndResumable(@TempDir Path dir) throws Exception {
        assumeUnix();
        Child run = new Child(Map.of("JOULEBENCH_TEST_BLOCK_SEED", "2"), "run", "-t", "test-block", "--seed", "1,2",
                "--no-energy", "--out", dir.toString());
        run.awaitLine("BLOCKING");
        run.signal("KILL");
        assertEquals(137, run.exit());
        assertEquals(1, records(dir).size(), "the finished trial is on disk");
        assertTrue(Files.readString(dir.resolve(OutputFolder.LOCK_FILE)).startsWith("pid=" + run.process.pid()));
        Files.writeString(dir.resolve(ResultsStore.FILE_NAME), "{\"schema\":\"joulebench.trial/1\",\"tri",
                StandardOpenOption.APPEND);

        Child resumed = new Child(Map.of(), "run", "-t", "test-block", "--seed", "1,2", "--no-energy", "--out",
                dir.toString());
        assertEquals(0, resumed.exit(), resumed.stderr());
        awaitStreams(resumed, "results:");
        assertTrue(resumed.stderr().contains("took over a stale lock on " + dir + ": pid " + run.process.pid()),
                resumed.stderr());
        assertTrue(resumed.stderr().contains("moved it to results.jsonl.corrupt"), resumed.stderr());
        List<JsonNode> records = records(dir);
        assertEquals(2, records.size());
        assertTrue(records.stream().allMatch(r -> r.get("status").asText().equals("completed")));
        assertEquals(List.of(1L, 2L), records.stream().map(r -> r.at("/spec/seed").asLong()).toList());
    }

    @Test
    void sigtermToMeasureForwardsItAndWritesWhatWasMeasured(@TempDir Path dir) throws Exception {
        assumeUnix();
        Path json = dir.resolve("m.json");
        Child measure = new Child(Map.of(), "measure", "--interval", "20ms",
                "--json", json.toString(), "--", "sh", "-c",
                "trap 'echo got-term; exit 7' TERM; echo READY; while :; do sleep 0.05; done");
        measure.awaitLine("READY");
        measure.signal("TERM");
        assertEquals(143, measure.exit(), measure.stderr());
        awaitStreams(measure, "JSON written");
        assertTrue(measure.stdout().contains("got-term"), "the command got the signal: " + measure.stdout());
        assertTrue(measure.stdout().contains("INTERRUPTED by SIGTERM"), measure.stdout());
        JsonNode r = ResultsStore.json().readTree(json.toFile());
        assertEquals("SIGTERM", r.get("interruptedBy").asText());
        assertEquals(7, r.get("exitCode").asInt());
        assertTrue(r.get("windowSeconds").asDouble() > 0);
    }

    @Test
    void sigintToMeasureKillsACommandThatIgnoresIt(@TempDir Path dir) throws Exception {
        assumeUnix();
        Path json = dir.resolve("m.json");
        Path grandchild = dir.resolve("grandchild.pid");
        Child measure = new Child(Map.of(), "measure", "--interval", "20ms",
                "--json", json.toString(), "--", "sh", "-c",
                "trap '' INT; sleep 100000 & echo $! > " + grandchild + "; echo READY; wait");
        measure.awaitLine("READY");
        measure.signal("INT");
        assertEquals(130, measure.exit(), measure.stderr());
        awaitStreams(measure, "JSON written");
        JsonNode r = ResultsStore.json().readTree(json.toFile());
        assertEquals("SIGINT", r.get("interruptedBy").asText());
        long pid = Long.parseLong(Files.readString(grandchild).strip());
        // Killed with its group: it ends (waited for, not timed), though not necessarily before measure's exit.
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(PATIENCE_SECONDS, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "what the command started is gone too");
    }

    /** Finding 5: OMP_NUM_THREADS=abc was a forty-line stack trace from ND4J's static initialiser. */
    @Test
    void aBadOmpNumThreadsIsOneLine(@TempDir Path dir) throws Exception {
        Child run = new Child(Map.of("OMP_NUM_THREADS", "abc"), "run", "-t", "bp-mlp", "--no-energy", "--out",
                dir.toString());
        assertEquals(2, run.exit());
        awaitStreams(run, null);
        assertEquals("joulebench: OMP_NUM_THREADS='abc' is not a positive whole number; set e.g. OMP_NUM_THREADS=1"
                + " (the launcher's default) or unset it", run.stderr().strip());
    }

    /**
     * Finding 5: JOULEBENCH_JAVA_OPTS=-Xmx64m ./joulebench run -t bp-mlp was a stack trace. A trial's own JVM takes
     * its heap from JOULEBENCH_TRIAL_JAVA_OPTS: with -Xmx64m there it runs out: the trial recorded as failed with
     * why, the fix naming that variable under it, at most one line on stderr, and the run ends with exit 1.
     */
    @Test
    void outOfHeapIsOneLineWithTheFix(@TempDir Path dir) throws Exception {
        Child run = new Child("-Xmx64m", Map.of("JOULEBENCH_TRIAL_JAVA_OPTS", "-Xmx64m"), "run", "-t", "bp-mlp",
                "--no-energy", "--out", dir.toString());
        int rc = run.exit();
        awaitStreams(run, "out of memory in the trial's JVM");
        assertEquals(1, rc, run.stderr());
        JsonNode failed = records(dir).get(0);
        assertEquals("failed", failed.get("status").asText());
        // Out of heap in training (recorded by the trial itself) or before it (the trial JVM's one line).
        assertTrue(failed.get("error").asText().contains("OutOfMemoryError")
                || failed.at("/execution/stderrTail").asText().contains("out of memory"), failed.toString());
        String fix = "JOULEBENCH_TRIAL_JAVA_OPTS='-XX:\\+UseSerialGC -Xmx\\d+m' \\./joulebench \\.\\.\\., or train"
                + " a smaller model or batch";
        String err = run.stderr().strip();
        assertTrue(err.lines().count() <= 1, err);
        if (!err.isEmpty()) {
            assertTrue(err.matches("joulebench( run)?: out of memory .* with a \\d+ MiB heap; raise it, e\\.g\\. "
                    + fix), err);
        }
        // The parent says the fix under the failed trial: the trial's own JVM options.
        assertTrue(run.stdout().contains("out of memory in the trial's JVM; raise its heap, e.g."
                + " JOULEBENCH_TRIAL_JAVA_OPTS='-XX:+UseSerialGC -Xmx16g' ./joulebench ..."), run.stdout());
    }

    /** The reader threads may still hold the last lines when the process has ended. */
    private static void awaitStreams(Child c, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            if (marker == null ? !c.stderr().isEmpty() : c.stdout().contains(marker)) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
