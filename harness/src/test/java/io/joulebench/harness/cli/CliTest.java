package io.joulebench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.joulebench.harness.results.ResultsStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
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

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runTrainsWritesAResultLineAndPrintsTheTable(@TempDir Path dir) throws Exception {
        int rc = JouleBenchCommand.execute("run", "-t", "bp-mlp", "-P", "hidden=16", "-P", "lr=3e-3", "--epochs", "1",
                "--out", dir.toString());
        assertEquals(0, rc, stderr());
        List<String> lines = Files.readAllLines(dir.resolve(ResultsStore.FILE_NAME));
        assertEquals(1, lines.size());
        JsonNode r = ResultsStore.json().readTree(lines.get(0));
        assertEquals("completed", r.get("status").asText());
        assertEquals("bp-mlp", r.at("/spec/trainer").asText());
        assertEquals("mf-twin", r.at("/spec/preset").asText());
        assertEquals("16", r.at("/spec/parameters/hidden").asText());
        assertEquals(1, r.get("epochs").size());
        assertTrue(r.at("/result/testAccuracy").asDouble() > 0.5);
        assertTrue(r.at("/memory/peakRssBytes").asLong() > 0);
        assertEquals(64, r.at("/provenance/dataset/sha256/train-images-idx3-ubyte.gz").asText().length());
        assertFalse(r.at("/provenance/backend/blas.vendor").asText().isEmpty());
        assertTrue(stdout().contains("test acc"), stdout());
        assertTrue(stdout().contains("epoch 1/1"), stdout());

        // The same command again resumes: nothing is retrained or duplicated.
        out.reset();
        assertEquals(0, JouleBenchCommand.execute("run", "-t", "bp-mlp", "-P", "hidden=16", "-P", "lr=3e-3", "--epochs", "1",
                "--out", dir.toString()));
        assertTrue(stdout().contains("skipping"), stdout());
        assertEquals(1, Files.readAllLines(dir.resolve(ResultsStore.FILE_NAME)).size());
    }

    @Test
    void badInputGivesOneLineAndUsageExitCode(@TempDir Path dir) {
        assertEquals(2, JouleBenchCommand.execute("run", "-t", "nope", "--out", dir.toString()));
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains("unknown trainer 'nope'"), stderr());

        err.reset();
        assertEquals(2, JouleBenchCommand.execute("run", "-t", "bp-mlp", "-P", "epochs=many"));
        assertTrue(stderr().contains("parameter 'epochs'"), stderr());

        err.reset();
        assertEquals(2, JouleBenchCommand.execute("run", "-t", "bp-mlp", "--preset", "cafo-twin"));
        assertTrue(stderr().contains("no preset 'cafo-twin'"), stderr());
    }

    @Test
    void missingDatasetIsAClearErrorAndWritesNothing(@TempDir Path dir) {
        int rc = JouleBenchCommand.execute("run", "-t", "bp-mlp", "-d", "cifar-10", "--data-dir",
                dir.resolve("none").toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, rc);
        assertTrue(stderr().contains("dataset 'cifar-10' not found"), stderr());
        assertFalse(Files.exists(dir.resolve("out").resolve(ResultsStore.FILE_NAME)));
    }

    @Test
    void listShowsTrainersWithParametersAndDatasetsWithLocations() {
        assertEquals(0, JouleBenchCommand.execute("list", "trainers"));
        assertTrue(stdout().contains("bp-mlp") && stdout().contains("hidden (comma-separated integers"), stdout());
        out.reset();
        assertEquals(0, JouleBenchCommand.execute("list", "datasets"));
        assertTrue(stdout().contains("fashion-mnist-subset") && stdout().contains("embedded"), stdout());
    }

    @Test
    void versionAndHelpWorkEverywhere() {
        assertEquals(0, JouleBenchCommand.execute("--version"));
        assertTrue(stdout().startsWith("joulebench "), stdout());
        for (String cmd : List.of("run", "list", "demo")) {
            out.reset();
            assertEquals(0, JouleBenchCommand.execute(cmd, "--help"));
            assertTrue(stdout().contains("Usage: joulebench " + cmd), stdout());
        }
    }
}
