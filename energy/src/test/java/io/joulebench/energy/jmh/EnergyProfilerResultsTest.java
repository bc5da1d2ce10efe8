package io.joulebench.energy.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Domain;
import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.rapl.FakePowercap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/** Mapping reports to results (NaN for failures, modelled labels, totals) and the profiler driven by hand. */
class EnergyProfilerResultsTest {

    @TempDir
    Path tmp;

    private static DomainEnergy figure(String id, Method m, Quality q, Double joules, Double watts, Double periodMs,
                                       Integer updates, double covered, String reason) {
        return new DomainEnergy(id, id, "p", "s", m, q, joules, watts, null, null, null, null, 10, 0, periodMs,
                updates, covered, reason, List.of());
    }

    private static EnergyReport report(DomainEnergy... d) {
        return new EnergyReport("2026-01-01T00:00:00Z", 2.0, 10, List.of(d), List.of(), null, null, null, null, null,
                null, null);
    }

    private static Map<String, Double> byLabel(Collection<? extends Result> results) {
        return results.stream().collect(Collectors.toMap(Result::getLabel, Result::getScore));
    }

    private static final List<EnergyResults.Reported> PKG_DRAM = List.of(
            new EnergyResults.Reported(Domain.CPU_PACKAGE, Method.COUNTER_DELTA),
            new EnergyResults.Reported(Domain.DRAM, Method.COUNTER_DELTA));

    @Test
    void perOperationEnergyMeanPowerAndTotal() {
        EnergyResults.Outcome o = EnergyResults.of(report(
                figure("cpu-package", Method.COUNTER_DELTA, Quality.COMPLETE, 40.0, 20.0, null, 200, 2.0, null),
                figure("dram", Method.COUNTER_DELTA, Quality.COMPLETE, 4.0, 2.0, null, 200, 2.0, null)),
                PKG_DRAM, 400, null);
        Map<String, Double> r = byLabel(o.results());
        assertEquals(0.1, r.get("energy.cpu-package"), 1e-12);
        assertEquals(20.0, r.get("power.cpu-package"), 1e-12);
        assertEquals(0.01, r.get("energy.dram"), 1e-12);
        assertEquals(0.11, r.get("energy.total"), 1e-12);
        assertEquals(22.0, r.get("power.total"), 1e-12);
        assertEquals("J/op", o.results().get(0).getScoreUnit());
        assertTrue(o.problems().isEmpty() && o.shortWindows().isEmpty());
    }

    @Test
    void aFailedDomainIsNaNNeverZeroAndSaysWhy() {
        EnergyResults.Outcome o = EnergyResults.of(report(
                figure("cpu-package", Method.COUNTER_DELTA, Quality.COMPLETE, 40.0, 20.0, null, 200, 2.0, null),
                figure("dram", Method.UNAVAILABLE, Quality.UNAVAILABLE, null, null, null, null, 0, "zone vanished")),
                PKG_DRAM, 400, null);
        Map<String, Double> r = byLabel(o.results());
        assertTrue(Double.isNaN(r.get("energy.dram")), "got " + r.get("energy.dram"));
        assertTrue(Double.isNaN(r.get("power.dram")));
        assertTrue(Double.isNaN(r.get("energy.total")), "a total missing a domain is no total");
        assertEquals(0.1, r.get("energy.cpu-package"), 1e-12, "the other domain keeps its figure");
        assertEquals("zone vanished", o.problems().get("dram"));

        EnergyResults.Outcome none = EnergyResults.of(null, PKG_DRAM, 400, "meter did not open");
        assertTrue(byLabel(none.results()).values().stream().allMatch(v -> Double.isNaN(v)));
        assertEquals("meter did not open", none.problems().get("cpu-package"));
        assertTrue(Double.isNaN(byLabel(EnergyResults.of(report(figure("cpu-package", Method.COUNTER_DELTA,
                Quality.COMPLETE, 40.0, 20.0, null, 200, 2.0, null)), PKG_DRAM.subList(0, 1), 0, null).results())
                .get("energy.cpu-package")), "no operations: NaN, not infinity or 0");
    }

    @Test
    void modelledDomainsAreLabelledAndSoIsTheirTotal() {
        EnergyResults.Outcome o = EnergyResults.of(report(
                figure("cpu-package", Method.MODELLED, Quality.COMPLETE, 40.0, 20.0, null, null, 2.0, null),
                figure("dram", Method.COUNTER_DELTA, Quality.COMPLETE, 4.0, 2.0, null, 200, 2.0, null)),
                List.of(new EnergyResults.Reported(Domain.CPU_PACKAGE, Method.MODELLED), PKG_DRAM.get(1)), 400, null);
        Map<String, Double> r = byLabel(o.results());
        assertEquals(0.1, r.get("energy.cpu-package.modelled"), 1e-12);
        assertEquals(20.0, r.get("power.cpu-package.modelled"), 1e-12);
        assertFalse(r.containsKey("energy.cpu-package"), "an estimate never under a measurement's name");
        assertEquals(0.11, r.get("energy.total.modelled"), 1e-12);
        assertEquals(0.01, r.get("energy.dram"), 1e-12);
    }

    @Test
    void shortWindowsAndPartialFiguresAreFlagged() {
        EnergyResults.Outcome o = EnergyResults.of(report(
                figure("cpu-package", Method.COUNTER_DELTA, Quality.COMPLETE, 4.0, 20.0, 100.0, 3, 0.2, null),
                figure("dram", Method.COUNTER_DELTA, Quality.PARTIAL, 4.0, 2.0, null, 200, 2.0, "1 of 200 failed")),
                PKG_DRAM, 400, null);
        assertTrue(o.shortWindows().get("cpu-package").contains("spans about 2 counter updates"),
                o.shortWindows().toString());
        assertEquals("PARTIAL figure: 1 of 200 failed", o.problems().get("dram"));
        assertEquals(0.01, byLabel(o.results()).get("energy.dram"), 1e-12, "a partial figure is kept");
    }

    // ---- the profiler itself, driven as JMH drives it, against a fake powercap tree ----

    private static BenchmarkParams benchmark(IterationParams measurement) {
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 0, TimeValue.seconds(1), 1);
        return new BenchmarkParams("bench.Fake.op", "bench.generated.Fake_op", false, 1, new int[] {1}, List.of(),
                1, 0, warmup, measurement, Mode.AverageTime, new WorkloadParams(), TimeUnit.SECONDS, 1, "java",
                List.of(), "17", "vm", "1", "1.37", TimeValue.minutes(1));
    }

    private static Collection<? extends Result> iteration(EnergyProfiler p, IterationParams ip, long ops,
                                                           Runnable during) {
        BenchmarkParams bp = benchmark(ip);
        p.beforeIteration(bp, ip);
        during.run();
        return p.afterIteration(bp, ip, new IterationResult(bp, ip, new IterationResultMetaData(ops, ops)));
    }

    private static String stderrOf(Supplier<Collection<? extends Result>> body, Collection<Result> into) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            into.addAll(body.get());
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void profilerGivesCounterJoulesPerOpThenNaNWhenTheCounterBreaks() throws Exception {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0");
        // A long interval: only the iteration's edge readings are taken, so the figures are exact.
        EnergyProfiler p = new EnergyProfiler("powercap-root=" + f.root() + ";domains=cpu-package;interval=60s");
        IterationParams ip = new IterationParams(IterationType.MEASUREMENT, 2, TimeValue.seconds(1), 1);

        List<Result> first = new java.util.ArrayList<>();
        String err1 = stderrOf(() -> iteration(p, ip, 50, () -> f.add("intel-rapl:0", 5_000_000)), first);
        assertEquals(0.1, byLabel(first).get("energy.cpu-package"), 1e-12, "5 J over 50 ops");
        assertTrue(err1.contains("warning: bench.Fake.op: cpu-package: iteration of"), err1);

        List<Result> second = new java.util.ArrayList<>();
        String err2 = stderrOf(() -> iteration(p, ip, 50, () -> f.garbage("intel-rapl:0", "oops\n")), second);
        Double j = byLabel(second).get("energy.cpu-package");
        assertTrue(j != null && Double.isNaN(j), "a broken counter gives NaN, got " + j);
        assertTrue(Double.isNaN(byLabel(second).get("power.cpu-package")));
        assertTrue(err2.contains("# EnergyProfiler: cpu-package: ") && err2.contains("(result NaN)"), err2);
        assertFalse(err2.contains("warning:"), "the short-window warning is said once per benchmark: " + err2);
    }
}
