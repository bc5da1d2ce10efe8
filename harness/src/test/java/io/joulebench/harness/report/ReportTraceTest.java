package io.joulebench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Method;
import io.joulebench.energy.meter.PowerTrace;
import io.joulebench.harness.cli.JouleBenchCommand;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.trial.TraceSidecar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The power-trace sidecar: bounded, peaks kept, written by forked and in-process trials, drawn by the report. */
class ReportTraceTest {

    @Test
    void downsamplingKeepsAtMostTwoThousandPointsAndThePeaks() {
        List<PowerTrace.Point> pts = new ArrayList<>();
        pts.add(new PowerTrace.Point(0, null, 0));
        for (int i = 1; i < 100_000; i++) {
            pts.add(new PowerTrace.Point(i * 0.01, i == 54_321 ? 500.0 : i == 77_777 ? 1.0 : 40.0 + i % 3, i));
        }
        PowerTrace t = new PowerTrace("2026-01-01T00:00:00Z", List.of(new PowerTrace.DomainTrace("cpu-package",
                Method.MODELLED, pts), new PowerTrace.DomainTrace("dram", Method.COUNTER_DELTA, pts.subList(0, 10))));
        PowerTrace d = TraceSidecar.downsampled(t, TraceSidecar.MAX_POINTS);
        List<PowerTrace.Point> kept = d.domains().get(0).points();
        assertTrue(kept.size() <= TraceSidecar.MAX_POINTS, "size " + kept.size());
        assertTrue(kept.stream().anyMatch(p -> p.watts() != null && p.watts() == 500.0), "the peak survives");
        assertTrue(kept.stream().anyMatch(p -> p.watts() != null && p.watts() == 1.0), "the dip survives");
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i).seconds() > kept.get(i - 1).seconds(), "time order");
        }
        assertEquals(10, d.domains().get(1).points().size(), "a short trace is kept whole");
    }

    @Test
    void forkedAndInProcessTrialsWriteATraceTheReportDraws(@TempDir Path dir) throws Exception {
        for (String fork : new String[] {"--no-fork", null}) {
            Path out = dir.resolve(fork == null ? "forked" : "in-process");
            List<String> args = new ArrayList<>(List.of("run", "-t", "bp-mlp", "-P", "hidden=8", "--epochs", "2",
                    "--idle", "0", "--out", out.toString()));
            if (fork != null) {
                args.add(fork);
            }
            assertEquals(0, JouleBenchCommand.execute(args.toArray(String[]::new)));
            TrialRecord r = new ResultsStore(out).readAll().get(0);
            assertNotNull(r.trace(), "the record names its trace");
            assertEquals("traces/" + r.key() + ".csv", r.trace());
            List<String> lines = Files.readAllLines(out.resolve(r.trace()));
            assertEquals(TraceFile.HEADER, lines.get(0));
            assertTrue(lines.size() > 1, "the trace has readings");
            Map<String, List<TraceFile.Reading>> read = TraceFile.read(out.resolve(r.trace()));
            assertTrue(read.values().stream().allMatch(v -> v.size() <= TraceSidecar.MAX_POINTS));
            Path report = dir.resolve("report-" + out.getFileName());
            assertEquals(0, JouleBenchCommand.execute("report", out.toString(), "--out", report.toString()));
            assertTrue(Files.exists(report.resolve("charts/power-0.svg")), "the timeline is drawn");
        }
    }
}
