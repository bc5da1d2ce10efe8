package io.joulebench.harness.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.joulebench.harness.cli.JouleBenchCommand;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private Locale oldLocale;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        oldLocale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // a decimal comma must not leak into any output
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        Locale.setDefault(oldLocale);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    static Path results(Path dir, List<TrialRecord> records) {
        ResultsStore store = new ResultsStore(dir);
        records.forEach(store::append);
        return store.file();
    }

    @Test
    void statsReadsAFolderPrintsTheTablesAndWritesTheJsonShape(@TempDir Path dir) throws Exception {
        List<TrialRecord> records = new ArrayList<>(Trials.twoArms());
        // A first attempt of bp seed 1 that failed, then its rerun: one trial, the completed record kept.
        records.add(0, Trials.t("bp", null, 1).failed("killed").build());
        results(dir, records);
        Path json = dir.resolve("stats.json");
        int rc = JouleBenchCommand.execute("stats", dir.toString(), "--json", json.toString(), "--bootstrap", "2000");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        String text = stdout();
        assertTrue(text.contains("arm bp (bp-mlp, fashion-mnist) - own-convergence - n = 5"), text);
        assertTrue(text.contains("mf vs bp - own-convergence - paired by (seed, repetition): 5 pairs"), text);
        assertTrue(text.contains("trainingSeconds"), text);
        assertTrue(text.contains("mf cheaper"), text);
        assertTrue(text.contains("equivalent (within 0.50 pp)"), text);
        assertTrue(text.contains("-19.9 % ["), text);
        assertFalse(text.matches("(?s).*\\d,\\d.*"), "no decimal comma: " + text);
        assertTrue(text.lines().allMatch(l -> l.length() <= 120), text);

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("joulebench.stats/1", root.get("schema").asText());
        JsonNode bp = root.get("arms").get(0);
        assertEquals("bp", bp.get("id").asText());
        assertEquals("bp-mlp", bp.get("trainer").asText());
        assertEquals(5, bp.get("n").asInt());
        JsonNode secs = bp.at("/metrics/trainingSeconds");
        assertEquals("s", secs.get("unit").asText());
        assertEquals(100.0, secs.get("mean").asDouble(), 1e-12);
        assertTrue(secs.get("sd").isNumber());
        assertEquals(2, secs.get("ci95").size());
        assertEquals(5, secs.get("values").size());
        for (String f : List.of("median", "min", "max", "cv", "outliers", "missing", "obtained")) {
            assertTrue(secs.has(f), f);
        }
        JsonNode c = root.get("comparisons").get(0);
        assertEquals("mf", c.get("arm").asText());
        assertEquals("bp", c.get("baseline").asText());
        assertEquals("own-convergence", c.get("protocol").asText());
        assertEquals("paired", c.get("pairing").asText());
        JsonNode ratio = c.at("/metrics/trainingSeconds");
        assertEquals(Trials.mean(Trials.MF_SECONDS) / 100, ratio.get("ratio").asDouble(), 1e-12);
        assertEquals(2, ratio.get("ci95").size());
        assertEquals(2, ratio.get("fieller95").size());
        assertEquals("cheaper", ratio.get("verdict").asText());
        // n = 5: the percentile bootstrap is narrower than the t-based Fieller interval, and the table says so.
        assertEquals("disagree", ratio.get("agreement").asText());
        assertTrue(text.contains("^ bootstrap and Fieller intervals disagree"), text);
        JsonNode acc = c.get("accuracy");
        assertEquals(0.01, acc.get("differencePp").asDouble(), 1e-9);
        assertEquals(2, acc.get("ci95").size());
        assertEquals("equivalent", acc.get("verdict").asText());
        assertTrue(c.at("/metrics/co2eGrams/notes/0").asText().startsWith("CO2e at a fixed intensity"));
        JsonNode target = root.get("comparisons").get(1);
        assertEquals("to-target", target.get("protocol").asText());
        assertTrue(target.at("/metrics/secondsToTarget/ratio").isNull(), "missing is null, never 0");
        assertTrue(target.at("/metrics/secondsToTarget/ci95").isNull());
        assertTrue(root.get("notes").toString().contains("de-duplicated"), root.get("notes").toString());
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file left beside the report");
        }
    }

    @Test
    void aBadLineIsOneErrorNamingTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.jsonl");
        List<String> lines = new ArrayList<>();
        for (TrialRecord r : Trials.twoArms().subList(0, 2)) {
            lines.add(ResultCodec.write(r));
        }
        lines.add(1, "{\"schema\":\"joulebench.trial/2\",\"status\":");
        Files.write(file, lines, StandardCharsets.UTF_8);
        int rc = JouleBenchCommand.execute("stats", file.toString());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(5, rc, e); // a results file that cannot be used: exit code class 5
        assertTrue(e.contains(file + " line 2 is not a trial record"), e);
        assertEquals(1, e.strip().lines().count(), e);
    }

    @Test
    void anUnwritableJsonFolderFailsBeforeAnyComputing(@TempDir Path dir) {
        results(dir, Trials.twoArms());
        int rc = JouleBenchCommand.execute("stats", dir.toString(), "--json", dir.resolve("no/such/x.json").toString());
        assertEquals(5, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"), err.toString());
        assertEquals("", stdout(), "nothing computed or printed");
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) {
        results(dir, Trials.twoArms());
        assertEquals(2, JouleBenchCommand.execute("stats", dir.toString(), "--noise", "lots"));
        assertEquals(2, JouleBenchCommand.execute("stats", dir.toString(), "--baseline", "nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("arms: bp, mf"));
    }

    @Test
    void trial1FilesFromDocsResultsReadThroughStats(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("s.json");
        int rc = JouleBenchCommand.execute("stats", "../docs/results/bp-mlp-fashion-mnist-mf-twin-metered.jsonl",
                "../docs/results/mf-fashion-mnist-study.jsonl", "--baseline", "bp-mlp", "--bootstrap", "1000",
                "--json", json.toString());
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        String text = stdout();
        assertTrue(text.contains("arm bp-mlp (bp-mlp, fashion-mnist) - own-convergence - n = 3"), text);
        assertTrue(text.contains("mf vs bp-mlp - own-convergence - paired by (seed, repetition): 3 pairs"), text);
        assertTrue(text.contains("mf vs bp-mlp - to-target"), text);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode tt = root.get("comparisons").get(1);
        assertEquals("to-target", tt.get("protocol").asText());
        assertTrue(tt.get("targetAccuracy").asDouble() > 0.85, tt.toString());
        assertTrue(root.at("/arms/0/metrics/" + Metrics.TEST_ACCURACY + "/mean").asDouble() > 0.85);
    }
}
