package io.joulebench.harness.cli;

import io.joulebench.harness.result.TrialRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
                "--idle", "300ms", "--region", "POL", "--out", dir.toString());
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
        assertTrue(stdout().contains("test acc") && stdout().contains("energy J"), stdout());

        // Energy of the training window: every domain says how it was obtained; a missing figure is null, never 0.
        JsonNode domains = r.at("/energy/domains");
        assertTrue(domains.size() > 0, r.get("energy").toString());
        for (JsonNode d : domains) {
            assertFalse(d.get("method").asText().isEmpty());
            if (d.get("joules").isNull()) {
                assertEquals("UNAVAILABLE", d.get("quality").asText(), d.toString());
                assertFalse(d.get("reason").isNull(), d.toString());
            } else {
                assertTrue(d.get("joules").asDouble() > 0, d.toString());
                assertFalse(d.get("idleJoules").isNull(), "an idle baseline was measured: " + d);
            }
        }
        JsonNode phases = r.at("/energy/phases");
        assertTrue(phases.findValuesAsText("stage").contains("main"), phases.toString());
        assertEquals(1, phases.get(phases.size() - 1).get("epoch").asInt(), phases.toString());
        assertEquals("POL", r.at("/energy/carbon/region").asText());
        assertEquals(r.at("/energy/totals/joules").asDouble(), r.at("/energy/carbon/energyJoules").asDouble(),
                1e-9);
        assertTrue(stdout().contains("epoch 1/1"), stdout());

        // The same command again resumes: nothing is retrained or duplicated.
        out.reset();
        assertEquals(0, JouleBenchCommand.execute("run", "-t", "bp-mlp", "-P", "hidden=16", "-P", "lr=3e-3", "--epochs", "1",
                "--idle", "300ms", "--region", "POL", "--out", dir.toString()));
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
    void requiringAnUnmeasurableDomainFailsBeforeTraining(@TempDir Path dir) {
        // No NVML library at this path, so no GPU can be measured, whatever the machine; an explicit library that
        // fails is refused before anything else (the --require message itself: TrialMeteringTest).
        int rc = JouleBenchCommand.execute("run", "-t", "bp-mlp", "--require", "gpu", "--idle", "0",
                "--nvml-library", dir.resolve("no-libnvidia-ml.so").toString(), "--out", dir.toString());
        assertEquals(4, rc);
        assertTrue(stderr().contains("--nvml-library " + dir.resolve("no-libnvidia-ml.so") + ": nvml unavailable"),
                stderr());
        assertFalse(stdout().contains("trial 1/1"), "nothing trained: " + stdout());
        assertFalse(Files.exists(dir.resolve(ResultsStore.FILE_NAME)));
    }

    @Test
    void aMeteredTrialRecordsGpuEnergyAndStateThroughNvml(@TempDir Path dir) throws Exception {
        String fake = System.getProperty("joulebench.test.fakeNvml", "");
        assumeTrue(Files.isRegularFile(Path.of(fake)), "fake libnvidia-ml.so not built (needs gcc): " + fake);
        assertEquals(0, JouleBenchCommand.execute("run", "-t", "bp-mlp", "-P", "hidden=8", "--epochs", "1",
                "--idle", "0", "--nvml-library", fake, "--require", "gpu", "--out", dir.toString()), stderr());
        JsonNode r = ResultsStore.json().readTree(Files.readAllLines(dir.resolve(ResultsStore.FILE_NAME)).get(0));
        JsonNode gpus = r.at("/energy/gpusAtStart");
        assertEquals(2, gpus.size(), r.get("energy").toString());
        assertEquals("Fake GPU 0", gpus.get(0).get("name").asText());
        assertEquals(2, r.at("/energy/gpusAtEnd").size());
        assertTrue(r.at("/energy/domains").findValuesAsText("name").contains("gpu:1"));
        assertTrue(r.at("/energy/problems").isNull(), r.at("/energy/problems").toString());
    }

    /** Every help text formats: a stray '%' in a description makes picocli print a warning and raw text. */
    @Test
    void everyCommandsHelpFormats() {
        for (String command : List.of("demo", "run", "list", "data", "sensors", "measure", "suite", "stats", "report",
                "slurm", "merge")) {
            out.reset();
            err.reset();
            assertEquals(0, JouleBenchCommand.execute(command, "--help"), command);
            assertFalse(stderr().contains("Could not format"), command + ": " + stderr());
            assertTrue(stdout().startsWith("Usage: joulebench " + command), command + ": " + stdout());
        }
    }

    /** An external command as a trial: metered, its epochs and result in the same record as a native trial. */
    @Test
    void anExternalTrainerIsATrialLikeAnyOther(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3 for the example trainer");
        String command = python + " " + Path.of("../benchmarks/external/minimal_trainer.py").toAbsolutePath()
                + " --seed {seed} --epochs {epochs}";
        assertEquals(0, JouleBenchCommand.execute("run", "-t", "external", "-P", "command=" + command, "-P",
                "epochs=2", "--idle", "0", "--out", dir.toString()), stderr());
        JsonNode r = ResultsStore.json().readTree(Files.readAllLines(dir.resolve(ResultsStore.FILE_NAME)).get(0));
        assertEquals("completed", r.get("status").asText(), r.toString());
        assertEquals(2, r.get("epochs").size());
        assertTrue(r.at("/provenance/workload/command").asText().endsWith("--seed 1 --epochs 2"), r.toString());
        assertTrue(r.at("/provenance/workload/reported.python").asText().startsWith("3."), r.toString());
        assertTrue(r.at("/energy/totals/joules").asDouble() > 0, "metered like any trial");
    }

    /** Finding 10: a resume under other carbon settings showed the old CO2e without a word. */
    @Test
    void resumingUnderOtherCarbonSettingsSaysWhichTheRecordsUsed(@TempDir Path dir) throws Exception {
        assertEquals(0, JouleBenchCommand.execute("run", "-t", "bp-mlp", "-P", "hidden=8", "--epochs", "1", "--idle",
                "0", "--region", "POL", "--out", dir.toString()), stderr());
        out.reset();
        assertEquals(0, JouleBenchCommand.execute("run", "-t", "bp-mlp", "-P", "hidden=8", "--epochs", "1", "--idle",
                "0", "--region", "FRA", "--pue", "1.2", "--out", dir.toString()), stderr());
        assertTrue(stdout().contains("note: its CO2e was computed for region POL at PUE 1.0, not for FRA at PUE 1.2"),
                stdout());
    }

    @Test
    void splitSeedTrialDrawsEachTrialsSplitFromItsSeed(@TempDir Path dir) throws Exception {
        assertEquals(0, JouleBenchCommand.execute("run", "-t", "mf", "-P", "hidden=8", "--epochs", "1", "--seed", "3,4",
                "--split-seed", "trial", "--no-energy", "--out", dir.toString()), stderr());
        List<String> lines = Files.readAllLines(dir.resolve(ResultsStore.FILE_NAME));
        for (int i = 0; i < 2; i++) {
            JsonNode r = ResultsStore.json().readTree(lines.get(i));
            assertEquals(3 + i, r.at("/spec/splitSeed").asLong());
            assertEquals(3 + i, r.at("/provenance/dataset/splitSeed").asLong());
        }

        err.reset();
        assertEquals(2, JouleBenchCommand.execute("run", "-t", "mf", "--split-seed", "per-run", "--out",
                dir.toString()));
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains("--split-seed 'per-run'"), stderr());
    }

    @Test
    void unknownRegionIsAUsageError(@TempDir Path dir) {
        assertEquals(2, JouleBenchCommand.execute("run", "-t", "bp-mlp", "--region", "ATLANTIS", "--out",
                dir.toString()));
        assertTrue(stderr().contains("ATLANTIS"), stderr());
    }

    @Test
    void noEnergyRunsUnmetered(@TempDir Path dir) throws Exception {
        assertEquals(0, JouleBenchCommand.execute("run", "-t", "bp-mlp", "-P", "hidden=8", "--epochs", "1",
                "--no-energy", "--out", dir.toString()));
        JsonNode r = ResultsStore.json().readTree(Files.readAllLines(dir.resolve(ResultsStore.FILE_NAME)).get(0));
        assertTrue(r.get("energy").isNull());
        assertTrue(r.at("/epochs/0/joules").isNull());
    }

    @Test
    void missingDatasetIsAClearErrorAndWritesNothing(@TempDir Path dir) throws Exception {
        int rc = JouleBenchCommand.execute("run", "-t", "bp-mlp", "-d", "cifar-10", "--idle", "0", "--data-dir",
                Files.createDirectories(dir.resolve("empty")).toString(), "--out", dir.resolve("out").toString());
        assertEquals(3, rc);
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains("dataset 'cifar-10' not found"), stderr());
        assertFalse(stderr().contains("$JOULEBENCH_DATA"), "an explicit --data-dir never falls back: " + stderr());
        assertFalse(Files.exists(dir.resolve("out")), "refused before the output folder was made");
    }

    /** Finding 10: an explicit --data-dir that does not exist fell back silently to the default places. */
    @Test
    void anExplicitDataDirThatDoesNotExistIsRefused(@TempDir Path dir) {
        int rc = JouleBenchCommand.execute("run", "-t", "bp-mlp", "--no-energy", "--data-dir",
                dir.resolve("none").toString(), "--out", dir.resolve("out").toString());
        assertEquals(3, rc);
        assertEquals("joulebench run: --data-dir " + dir.resolve("none") + " does not exist; give the folder"
                + " holding the datasets (e.g. ~/.joulebench/data), or leave it out to search the default places",
                stderr().strip());
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
        for (String cmd : List.of("run", "list", "demo", "sensors", "measure", "data")) {
            out.reset();
            assertEquals(0, JouleBenchCommand.execute(cmd, "--version"));
            assertTrue(stdout().startsWith("joulebench "), cmd + ": " + stdout());
        }
        for (String cmd : List.of("run", "list", "demo")) {
            out.reset();
            assertEquals(0, JouleBenchCommand.execute(cmd, "--help"));
            assertTrue(stdout().contains("Usage: joulebench " + cmd), stdout());
        }
    }
}
