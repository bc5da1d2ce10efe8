package io.joulebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path tmp;

    private static Report small(String title) {
        return new Report(title, "", List.of(), List.of(), List.of(Section.missing(SectionKind.HEADLINE, "no trials")),
                List.of());
    }

    @Test
    void replacesAnEarlierReportWhole() throws Exception {
        Path out = tmp.resolve("out");
        new ReportWriter().write(SampleReports.sample(), SampleReports.sampleEmissions(), out);
        assertTrue(Files.exists(out.resolve("charts/forest-ratios.svg")));
        new ReportWriter().write(small("second"), List.of(), out);
        assertTrue(Files.readString(out.resolve("index.html")).contains("<title>second</title>"));
        assertTrue(Files.notExists(out.resolve("charts/forest-ratios.svg")), "no file of the old report is left");
        assertEquals(List.of("out"), names(tmp), "no staging or old folder is left beside it");
    }

    @Test
    void aFailureLeavesTheEarlierReportUntouched() throws Exception {
        Path out = tmp.resolve("out");
        new ReportWriter().write(small("first"), List.of(), out);
        String before = Files.readString(out.resolve("index.html"));
        // null rows fail after the charts and tables are written: the half-built folder must vanish.
        assertThrows(NullPointerException.class, () -> new ReportWriter().write(SampleReports.sample(), null, out));
        assertEquals(before, Files.readString(out.resolve("index.html")));
        assertEquals(List.of("out"), names(tmp));
    }

    @Test
    void refusesToReplaceAFolderThatIsNotAReport() throws Exception {
        Path out = tmp.resolve("results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("trials.jsonl"), "{}\n");
        assertThrows(ReportOutputException.class, () -> new ReportWriter().write(small("x"), List.of(), out));
        assertTrue(Files.exists(out.resolve("trials.jsonl")));
        assertEquals(List.of("results"), names(tmp));
    }

    @Test
    void emptySectionsSayWhy() throws Exception {
        Path out = tmp.resolve("out");
        new ReportWriter().write(small("x"), List.of(), out);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("n/a: no trials"));
        assertTrue(html.contains("n/a: this report was built without data for this section."));
        assertEquals(1, Files.readAllLines(out.resolve("emissions.csv")).size(), "header only");
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
