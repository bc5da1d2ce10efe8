package io.joulebench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.data.DatasetException;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.results.ResultsIoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Finding 5 and its class: one line and an exit code per class, for every command, before anything runs. */
class CliErrorsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertOneLine(String start) {
        String e = stderr();
        assertEquals(1, e.strip().lines().count(), e);
        assertTrue(e.startsWith(start), e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
    }

    @Test
    void outThatIsARegularFileIsRefusedBeforeTraining(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertEquals(CliErrors.OUTPUT, JouleBenchCommand.execute("run", "-t", "test-block", "--no-energy", "--out",
                file.toString()));
        assertOneLine("joulebench run: --out " + file + " is a file, not a folder");
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("trial 1/1"), "nothing trained");
    }

    @Test
    void anEmptyOutIsRefused() {
        assertEquals(CliErrors.OUTPUT, JouleBenchCommand.execute("demo", "--no-energy", "--out", ""));
        assertOneLine("joulebench demo: --out '' is empty (it would write into the current folder)");
    }

    @Test
    void aSecondRunOnALockedFolderIsRefusedNamingTheHolder(@TempDir Path dir) throws Exception {
        try (OutputFolder held = OutputFolder.open(dir, "--out", false, s -> { })) {
            assertEquals(CliErrors.OUTPUT, JouleBenchCommand.execute("run", "-t", "test-block", "--no-energy",
                    "--out", dir.toString()));
        }
        assertOneLine("joulebench run: " + dir + " is in use by another joulebench run: pid "
                + ProcessHandle.current().pid());
        assertFalse(Files.exists(dir.resolve("results.jsonl")), "nothing written by the refused run");
    }

    @Test
    void measureChecksItsJsonPathBeforeRunningTheCommand(@TempDir Path dir) {
        Path marker = dir.resolve("ran");
        Path json = dir.resolve("missing/m.json");
        assertEquals(CliErrors.OUTPUT, JouleBenchCommand.execute("measure", "--json", json.toString(),
                "--powercap-root", dir.toString(), "--", "touch", marker.toString()));
        assertOneLine("joulebench measure: --json " + json + ": folder ");
        assertFalse(Files.exists(marker), "the command never ran");
    }

    @Test
    void measureOfACommandThatDoesNotExistIsAUsageError(@TempDir Path dir) {
        assertEquals(CliErrors.USAGE, JouleBenchCommand.execute("measure", "--powercap-root", dir.toString(), "--",
                "no-such-command-here"));
        assertOneLine("joulebench measure: cannot run 'no-such-command-here': not found on PATH");
    }

    @Test
    void unknownOptionsAreOneLineWithTheHelpToRead() {
        assertEquals(CliErrors.USAGE, JouleBenchCommand.execute("run", "-t", "x", "--nope"));
        assertOneLine("joulebench run: Unknown option: '--nope' (see 'joulebench run --help')");
    }

    @Test
    void aBadEnvironmentIsAUsageErrorButHelpStillWorks() {
        assertEquals(CliErrors.USAGE, JouleBenchCommand.execute(Map.of("OMP_NUM_THREADS", "abc"), "list",
                "trainers"));
        assertOneLine("joulebench: OMP_NUM_THREADS='abc' is not a positive whole number");
        assertEquals(CliErrors.OK, JouleBenchCommand.execute(Map.of("OMP_NUM_THREADS", "abc"), "run", "--help"));
    }

    @Test
    void everyClassHasItsExitCodeAndOneLine() {
        CommandLine cl = JouleBenchCommand.commandLine(Map.of());
        StringWriter sink = new StringWriter();
        cl.setErr(new PrintWriter(sink, true));
        assertEquals(CliErrors.DATA, CliErrors.report(new DatasetException("f.gz: truncated"), cl));
        assertEquals(CliErrors.ENERGY, CliErrors.report(new EnergyException("rapl: gone"), cl));
        assertEquals(CliErrors.OUTPUT, CliErrors.report(new ResultsIoException("cannot write x"), cl));
        assertEquals(CliErrors.RESOURCES, CliErrors.report(new OutOfMemoryError("Java heap space"), cl));
        assertEquals(CliErrors.RESOURCES, CliErrors.report(new RuntimeException("wrapped",
                new OutOfMemoryError("Cannot allocate new FloatPointer")), cl));
        assertEquals(CliErrors.FAILED, CliErrors.report(new IllegalStateException("bug\nsecond line"), cl));
        String[] lines = sink.toString().split("\n");
        assertEquals(6, lines.length, sink.toString());
        assertTrue(lines[3].startsWith("joulebench: out of memory (Java heap space) with a "), lines[3]);
        assertTrue(lines[3].contains("raise it, e.g. JOULEBENCH_JAVA_OPTS=-Xmx8g ./joulebench"), lines[3]);
        assertTrue(lines[5].contains("IllegalStateException: bug; second line (an unexpected error; rerun with"
                + " JOULEBENCH_DEBUG=1"), lines[5]);
    }
}
