package io.joulebench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.harness.cli.JouleBenchCommand;
import io.joulebench.harness.result.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report over 1 000 trials (4 arms x 250 seeds, a 2 000-point trace per arm) from a results.jsonl, end to end
 * through {@code joulebench report}: under 10 s and an index.html under 5 MB. Off unless
 * {@code -Djoulebench.bench=true}; docs/benchmarks.md has the command and the figure.
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class ReportBenchmarkTest {

    @Test
    void aThousandTrialsRenderUnderTenSecondsAndFiveMegabytes(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Files.createDirectories(results.resolve("traces"));
        StringBuilder trace = new StringBuilder(TraceFile.HEADER + "\n");
        for (int i = 0; i < 2000; i++) {
            trace.append(String.format(Locale.ROOT, "cpu-package,MODELLED,%.3f,%.2f,%.1f%n", i * 0.05,
                    40 + 10 * Math.sin(i / 30.0), i * 2.0));
        }
        List<TrialRecord> records = new ArrayList<>();
        String[][] arms = {{"bp", "bp-mlp"}, {"mf", "mf"}, {"ff", "ff"}, {"cafo", "cafo-rand"}};
        for (String[] a : arms) {
            for (int seed = 1; seed <= 250; seed++) {
                TrialRecord r = ReportFixtures.trial(a[0], a[1], a[0].equals("bp") ? null : "bp", seed,
                        0.85 + seed % 7 * 0.003, 90 + seed % 11, 4000 + 37 * (seed % 13));
                if (seed == 1) {
                    Files.writeString(results.resolve("traces/" + r.key() + ".csv"), trace);
                    r = r.withTrace("traces/" + r.key() + ".csv");
                }
                records.add(r);
            }
        }
        ReportFixtures.writeJsonl(results.resolve("results.jsonl"), records);
        Path out = dir.resolve("report");
        long start = System.nanoTime();
        assertEquals(0, JouleBenchCommand.execute("report", results.toString(), "--out", out.toString()));
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(out.resolve("index.html"));
        System.out.printf(Locale.ROOT, "report over %d trials: %.2f s, index.html %.2f MB%n", records.size(),
                seconds, bytes / 1e6);
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertTrue(bytes < 5_000_000, "index.html is " + bytes + " bytes");
    }
}
