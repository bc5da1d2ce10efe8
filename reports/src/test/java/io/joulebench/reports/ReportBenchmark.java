package io.joulebench.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.reports.model.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report over 1 000 trials (1 000 raw rows and scatter points, a 2 000-point trace per domain for one
 * trial per arm) and prints seconds and bytes. Off by default; run with
 * {@code ./mvnw -B -q verify -pl reports -Dtest=ReportBenchmark -Djoulebench.bench=true}, or its main.
 */
class ReportBenchmark {
    @TempDir
    Path tmp;

    @Test
    @EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
    void thousandTrialsRenderUnderTenSecondsAndFiveMegabytes() throws Exception {
        Result r = run(tmp.resolve("bench"));
        assertTrue(r.seconds < 10, "rendering took " + r.seconds + " s");
        assertTrue(r.htmlBytes < 5_000_000, "index.html is " + r.htmlBytes + " bytes");
    }

    record Result(double seconds, long htmlBytes, long folderBytes) {
    }

    static Result run(Path out) throws Exception {
        // One warm-up render at a small size loads fonts and classes, as a long-running harness would have.
        new ReportWriter().write(SampleReports.sample(), SampleReports.sampleEmissions(), out.resolveSibling("warm"));
        SampleReports large = SampleReports.large(250);
        Report report = large.build();
        long t0 = System.nanoTime();
        Path index = new ReportWriter().write(report, large.emissions(), out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long html = Files.size(index);
        long folder;
        try (var files = Files.walk(out)) {
            folder = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf(java.util.Locale.ROOT, "ReportBenchmark: %d trials rendered in %.2f s; index.html %d bytes;"
                + " folder %d bytes%n", report.tables().stream().filter(t -> t.id().equals("raw-trials"))
                .findFirst().orElseThrow().rows().size(), seconds, html, folder);
        if (System.getProperty("joulebench.bench.keep") != null) {
            Files.copy(index, Path.of(System.getProperty("joulebench.bench.keep")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new Result(seconds, html, folder);
    }

    public static void main(String[] args) throws Exception {
        run(Files.createTempDirectory("joulebench-bench").resolve("bench"));
    }
}
