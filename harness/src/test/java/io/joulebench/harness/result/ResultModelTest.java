package io.joulebench.harness.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.IdleBaseline;
import io.joulebench.energy.meter.PhaseDomainEnergy;
import io.joulebench.energy.meter.PhaseEnergy;
import io.joulebench.harness.provenance.Provenance;
import io.joulebench.harness.trial.TrialEnergy;
import io.joulebench.harness.trial.TrialSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ResultModelTest {
    /** Regenerate with -Djoulebench.golden.update=true after an intended format change (and bump the schema). */
    private static final Path GOLDEN = Path.of("src/test/resources/result/golden-trial-2.json");

    static TrialRecord sample() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("hidden", "1000,1000");
        params.put("lr", "2.1316e-4");
        TrialSpec spec = new TrialSpec("bp-mlp", "fashion-mnist", "mf-twin", 3, 42, params, 0,
                TrialSpec.OWN_CONVERGENCE, Map.of("gemm", "onednn", "blas", "bundled", "threads", "1"));
        DomainEnergy cpu = new DomainEnergy("cpu-package", "CPU package(s), all sockets summed", "model",
                "MODELLED: TDP 65 W x load curve", Method.MODELLED, Quality.COMPLETE, 300.0, 30.0, 100.0, 200.0, 60.0,
                "model error", 100, 0, null, null, 10.0, null, List.of("modelled"));
        DomainEnergy gpu = new DomainEnergy("gpu:0", "GPU board (gpu:0)", "nvml", "NVML total energy",
                Method.UNAVAILABLE, Quality.UNAVAILABLE, null, null, null, null, null, null, 0, 5, null, null, 0.0,
                "NVML_ERROR_GPU_IS_LOST", List.of());
        PhaseEnergy setup = new PhaseEnergy("(before first mark)", 0, 1, List.of(new PhaseDomainEnergy("cpu-package",
                Method.MODELLED, Quality.COMPLETE, 30.0, 10.0, 20.0, 10, 0, null)), 30.0);
        PhaseEnergy epoch1 = new PhaseEnergy("train/epoch-1", 1, 9, List.of(new PhaseDomainEnergy("cpu-package",
                Method.MODELLED, Quality.COMPLETE, 270.0, 90.0, 180.0, 90, 0, null)), 270.0);
        IdleBaseline idle = new IdleBaseline("2026-01-01T00:00:00Z", 5.0, List.of(
                new IdleBaseline.IdlePower("cpu-package", 10.0, Method.MODELLED, Quality.COMPLETE, null, null)));
        EnergyReport report = new EnergyReport("2026-01-01T00:00:10Z", 10.0, 100.0, List.of(cpu, gpu),
                List.of(setup, epoch1), 300.0, 100.0, 200.0, "left out: gpu:0 (unavailable)", idle, 0.01, 0.001,
                List.of(new io.joulebench.energy.meter.AttributedEnergy("cpu-package", "process tree of pid 4242",
                        Method.MODELLED, Quality.COMPLETE, 120.0, 300.0, 0.4, 0.4, 100, 1, null,
                        List.of("1 interval(s) with the tree's CPU time above the machine's busy time: capped at 1"))),
                120.0, "gpu:0 not attributed (no per-process share of GPU energy; its machine figure stands alone)");
        CarbonEstimate carbon = new CarbonEstimate("ANNUAL_AVERAGE", "POL", "Poland", 2023, "Ember", 1.0, 300.0,
                300.0 / 3.6e6, 662.0, 0.0552, List.of());
        EnergyRecord energy = EnergyMapping.map(new TrialEnergy(report, carbon, List.of(), List.of(), null,
                io.joulebench.harness.trial.EnergyScope.PROCESS));
        TrialOutcome outcome = TrialOutcome.of(new TrainingResult(0.875, 0.35, 1, Map.of("train", 1), 1,
                "max-epochs", 54000, 1.2e12));
        List<EpochRecord> epochs = List.of(new EpochRecord("train", 1, 0.5, 0.4, 0.86, 54000, 1.0, 1.2e12, 9.0,
                270.0, Map.of()));
        MemoryRecord memory = new MemoryRecord(600L << 20, 90, 200L << 20, 620L << 20);
        Provenance prov = new Provenance("0.1.0", "0123456789012345678901234567890123456789", "clean",
                Map.of("java.version", "17"), new Provenance.Host("host", "CPU", 1, 2, 2, null, null, "Linux",
                24L << 30), Map.of("blas.vendor", "OPENBLAS"), new Provenance.DatasetFacts("fashion-mnist", "/d",
                42L, 54000, 6000, 10000, Map.of("train.gz", "ab")), Map.of(), Map.of());
        return new TrialRecord(TrialRecord.SCHEMA, spec.key(), "trial-1", "2026-01-01T00:00:10Z",
                TrialRecord.COMPLETED, null, false, spec, new SuiteRef("s", "h", "bp", null, 1), epochs, outcome,
                Metrics.of(outcome, 10.0, 1.0, epochs, energy, "unused", memory), energy, memory,
                new Execution(true, 0, null, 12.5, null, null, 3.0, 1), "traces/x.csv", prov);
    }

    @Test
    void theFileFormatIsPinnedByAGoldenFile() throws IOException {
        String json = ResultCodec.json().copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(sample()) + "\n";
        if (Boolean.getBoolean("joulebench.golden.update")) {
            Files.writeString(GOLDEN, json, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), json,
                "the trial/2 format changed: if intended, bump the schema and regenerate the golden file");
    }

    @Test
    void aRecordRoundTripsThroughItsJsonLine() throws IOException {
        TrialRecord r = sample();
        assertEquals(r, ResultCodec.parse(ResultCodec.write(r)));
    }

    @Test
    void theMetricsShowTheAttributedShareBesideTheMachineFigure() {
        TrialRecord r = sample();
        Metric machine = r.metric(Metrics.ENERGY_JOULES).orElseThrow();
        Metric attributed = r.metric(Metrics.ATTRIBUTED_ENERGY_JOULES).orElseThrow();
        assertEquals(300.0, machine.value(), 1e-12);
        assertEquals(Obtained.MODELLED, machine.obtained());
        assertEquals(120.0, attributed.value(), 1e-12);
        assertEquals(Obtained.ATTRIBUTED, attributed.obtained());
        assertTrue(attributed.reason().contains("cpu-package of MODELLED") && attributed.reason().contains("gpu:0"),
                attributed.reason());
        assertEquals(Obtained.ATTRIBUTED, r.metric("attributedEnergyJoules.cpu-package").orElseThrow().obtained());
        assertEquals(Obtained.ATTRIBUTED, r.metric(Metrics.CO2E_GRAMS).orElseThrow().obtained(), "scope process");
        assertEquals("process", r.energy().scope());
    }

    @Test
    void aRecordWithoutAttributionSaysWhyItsAttributedMetricIsMissing() {
        EnergyRecord e = new EnergyRecord(1.0, 100.0, List.of(), List.of(), new EnergyRecord.Totals(null, null, null,
                null), null, null, List.of(), List.of(), null, null);
        Metric m = Metrics.of(null, 1.0, null, List.of(), e, "unused", null).stream()
                .filter(x -> x.name().equals(Metrics.ATTRIBUTED_ENERGY_JOULES)).findFirst().orElseThrow();
        assertNull(m.value());
        assertTrue(m.reason().startsWith("not attributed"), m.reason());
    }

    @Test
    void missingFiguresAreUnavailableWithAReasonNeverZero() {
        TrialRecord r = sample();
        Metric gpu = r.metric("energyJoules.gpu:0").orElseThrow();
        assertEquals(Obtained.UNAVAILABLE, gpu.obtained());
        assertNull(gpu.value());
        assertEquals("NVML_ERROR_GPU_IS_LOST", gpu.reason());
        Metric total = r.metric(Metrics.ENERGY_JOULES).orElseThrow();
        assertEquals(Obtained.MODELLED, total.obtained());
        assertTrue(total.reason().contains("left out: gpu:0"), total.reason());
        assertEquals(DomainRef.Kind.GPU, r.energy().domains().get(1).domain().kind());
        assertEquals(0, r.energy().domains().get(1).domain().index());
        assertEquals("setup", r.energy().phases().get(0).stage());
        assertEquals(1, r.energy().phases().get(1).epoch());
        assertThrows(IllegalArgumentException.class, () -> Metric.measured("x", "x", Double.NaN, "J"));
    }

    @Test
    void keysAreCanonicalInNumbersAndCoverEverySettingThatChangesResults() {
        TrialSpec a = spec(Map.of("lr", "2e-3", "hidden", "1000,1000"), 0, TrialSpec.OWN_CONVERGENCE, "onednn");
        assertEquals(a.key(), spec(Map.of("lr", "0.002", "hidden", "1000, 1000"), 0, TrialSpec.OWN_CONVERGENCE,
                "onednn").key());
        assertEquals(a.key(), spec(Map.of("lr", "2.0e-3", "hidden", "1e3,1000"), 0, TrialSpec.OWN_CONVERGENCE,
                "onednn").key());
        assertNotEquals(a.key(), spec(Map.of("lr", "2e-3", "hidden", "1000,1000"), 1, TrialSpec.OWN_CONVERGENCE,
                "onednn").key(), "repetition");
        assertNotEquals(a.key(), spec(Map.of("lr", "2e-3", "hidden", "1000,1000"), 0, TrialSpec.MATCHED_PASSES,
                "onednn").key(), "protocol");
        assertNotEquals(a.key(), spec(Map.of("lr", "2e-3", "hidden", "1000,1000"), 0, TrialSpec.OWN_CONVERGENCE,
                "nd4j").key(), "gemm library");
        assertNotEquals(a.key(), spec(Map.of("lr", "2e-3", "hidden", "1000,1000", "engine", "dl4j"), 0,
                TrialSpec.OWN_CONVERGENCE, "onednn").key(), "engine");
        assertEquals("true", TrialKey.canonicalValue("TRUE"));
        assertEquals("normal-0.01", TrialKey.canonicalValue("normal-0.01"));
    }

    private static TrialSpec spec(Map<String, String> params, int repetition, String protocol, String gemm) {
        return new TrialSpec("bp-mlp", "fashion-mnist", "mf-twin", 1, 42, params, repetition, protocol,
                Map.of("gemm", gemm, "blas", "bundled", "threads", "1"));
    }

    @Test
    void everyTrial1FileUnderDocsResultsStillReads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("../docs/results"))) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        int read = 0;
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank() || !line.contains("joulebench.trial/1")) {
                    continue;
                }
                TrialRecord r = ResultCodec.parse(line);
                assertEquals(TrialRecord.SCHEMA, r.schema(), f.toString());
                assertEquals(r.spec().key(), r.key());
                if (r.completed()) {
                    assertTrue(r.value(Metrics.TEST_ACCURACY) > 0.5, f + ": " + r.result());
                    assertTrue(r.trainingSeconds() > 0, f.toString());
                    assertFalse(r.epochs().isEmpty(), f.toString());
                }
                read++;
            }
        }
        assertTrue(read >= files.size(), "read " + read + " trial/1 records");
    }

    @Test
    void anUnknownSchemaIsRefusedByName() {
        Exception e = assertThrows(ResultCodec.UnknownSchemaException.class,
                () -> ResultCodec.parse("{\"schema\":\"joulebench.trial/9\"}"));
        assertTrue(e.getMessage().contains("joulebench.trial/9"), e.getMessage());
    }
}
