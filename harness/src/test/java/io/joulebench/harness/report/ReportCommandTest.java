package io.joulebench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.harness.cli.JouleBenchCommand;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.reports.emissions.CodeCarbonColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Pattern NETWORK = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//|url\\(\\s*['\"]?(https?:)?//");

    @TempDir
    Path tmp;

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void aResultsFolderBecomesAReportFolder() throws IOException {
        Path dir = tmp.resolve("results");
        ReportFixtures.writeJsonl(dir.resolve("results.jsonl"), ReportFixtures.twoArms());
        Path out = tmp.resolve("out");
        assertEquals(0, JouleBenchCommand.execute("report", dir.toString(), "--out", out.toString()));
        String html = read(out.resolve("index.html"));
        for (String id : List.of("provenance", "headline", "reference", "forest", "accuracy-energy", "power",
                "learning", "breakdown", "carbon", "appendix", "downloads")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertFalse(NETWORK.matcher(html).find(), "no network resource");
        assertTrue(Files.exists(out.resolve("tables/headline.md")));
        assertTrue(Files.exists(out.resolve("tables/headline.tex")));
        assertTrue(Files.exists(out.resolve("tables/reference.csv")));
        assertTrue(Files.exists(out.resolve("charts/forest.svg")));
        assertTrue(Files.exists(out.resolve("charts/accuracy-energy.png")));
        assertTrue(read(out.resolve("summary.json")).contains("\"headline\""));
        String header = read(out.resolve("emissions.csv")).lines().findFirst().orElseThrow();
        String codecarbon = Arrays.stream(CodeCarbonColumn.values()).map(CodeCarbonColumn::header)
                .collect(Collectors.joining(","));
        assertEquals(38, CodeCarbonColumn.values().length);
        assertTrue(header.startsWith(codecarbon + ","), header);
        assertTrue(header.contains("joulebench_version"));
        assertEquals(9, read(out.resolve("emissions.csv")).lines().count(), "a header and one row per trial");
    }

    @Test
    void theDefaultOutputIsTheFolderReportAndThePathIsPrinted() throws IOException {
        Path dir = tmp.resolve("r");
        ReportFixtures.writeJsonl(dir.resolve("results.jsonl"), ReportFixtures.twoArms());
        assertEquals(0, JouleBenchCommand.execute("report", dir.toString(), "--reference", "none",
                "--title", "T & <b>", "--baseline", "mf"));
        String html = read(dir.resolve("report/index.html"));
        assertTrue(html.contains("T &amp; &lt;b&gt;"));
        assertTrue(html.contains("baseline: mf"));
    }

    @Test
    void trialOneFilesFromTheDocsAreReadAndMixedSchemasNoted() throws IOException {
        Path docs = Path.of("../docs/results");
        Path mine = ReportFixtures.writeJsonl(tmp.resolve("mine.jsonl"), ReportFixtures.twoArms());
        Path out = tmp.resolve("out");
        assertEquals(0, JouleBenchCommand.execute("report", docs.resolve("mf-fashion-mnist-study.jsonl").toString(),
                docs.resolve("bp-mlp-fashion-mnist-mf-twin.jsonl").toString(), mine.toString(),
                "--out", out.toString()));
        String html = read(out.resolve("index.html"));
        assertTrue(html.contains("mixed schema versions"), "trial/1 and trial/2 together are noted");
        assertTrue(html.contains("bp-mlp"));
    }

    @Test
    void badInputRendersWhatItCanAndSaysWhatItLeftOut() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
        List<TrialRecord> some = ReportFixtures.twoArms();
        Path bad = ReportFixtures.writeJsonl(tmp.resolve("bad.jsonl"), some);
        Files.writeString(bad, "{not json}\n" + read(bad), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        assertEquals(0, JouleBenchCommand.execute("report", empty.toString(), bad.toString(), "--out",
                out.toString()));
        String html = read(out.resolve("index.html"));
        assertTrue(html.contains("no trial record in it (the file is empty)"));
        assertTrue(html.contains("line 1: not a trial record"));
        assertTrue(html.contains("Left out: 1 trial (failed status"));
        assertEquals(2, JouleBenchCommand.execute("report", tmp.resolve("missing").toString()),
                "an unreadable PATH is a usage error");
        assertEquals(0, JouleBenchCommand.execute("report", empty.toString(), "--out", tmp.resolve("e").toString()),
                "an empty input still renders");
    }

    @Test
    void hostileNamesAreEscapedEverywhere() throws IOException {
        String evil = "<script>alert(1)</script> & \"q\" 'a' % \\ $x_1 \n ünï";
        List<TrialRecord> records = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            records.add(ReportFixtures.trial("bp", "bp-mlp", null, seed, 0.88, 100, 5000));
            records.add(ReportFixtures.trial(evil, "mf", "bp", seed, 0.89, 80, 4000));
        }
        Path dir = tmp.resolve("evil");
        ReportFixtures.writeJsonl(dir.resolve("results.jsonl"), records);
        Path out = tmp.resolve("out");
        assertEquals(0, JouleBenchCommand.execute("report", dir.toString(), "--out", out.toString()));
        String html = read(out.resolve("index.html"));
        assertFalse(html.contains("<script>alert"), "no live script from a name");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        try (Stream<Path> tex = Files.list(out.resolve("tables")).filter(p -> p.toString().endsWith(".tex"))) {
            for (Path p : tex.toList()) {
                String t = read(p);
                assertFalse(t.contains(" % \\ $x_1"), p + " escapes LaTeX specials");
            }
        }
        String csv = read(out.resolve("emissions.csv"));
        assertTrue(csv.contains("\"<script>alert(1)</script> & \"\"q\"\""), "CSV quotes the arm name");
    }

    @Test
    void aTraceSidecarBecomesATimelineWithEpochMarks() throws IOException {
        Path dir = tmp.resolve("traced");
        Files.createDirectories(dir.resolve("traces"));
        StringBuilder csv = new StringBuilder(TraceFile.HEADER + "\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("cpu-package,MODELLED,").append(i * 0.02).append(',').append(40 + (i % 7)).append(",0\n");
        }
        List<TrialRecord> records = new ArrayList<>();
        for (TrialRecord r : ReportFixtures.twoArms()) {
            Files.writeString(dir.resolve("traces/" + r.key() + ".csv"), csv);
            records.add(r.withTrace("traces/" + r.key() + ".csv"));
        }
        records.add(ReportFixtures.trial("bp", "bp-mlp", null, 9, 0.88, 100, 5000).withTrace("../../etc/passwd"));
        ReportFixtures.writeJsonl(dir.resolve("results.jsonl"), records);
        Path out = tmp.resolve("out");
        assertEquals(0, JouleBenchCommand.execute("report", dir.toString(), "--out", out.toString()));
        assertTrue(Files.exists(out.resolve("charts/power-0.svg")));
        assertTrue(Files.exists(out.resolve("charts/power-1.svg")));
        assertFalse(Files.exists(out.resolve("charts/power-2.svg")), "one timeline per arm");
        assertTrue(read(out.resolve("index.html")).contains("further trace(s) not drawn"));
    }
}
