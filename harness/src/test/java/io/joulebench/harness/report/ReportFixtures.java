package io.joulebench.harness.report;

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
import io.joulebench.harness.result.EnergyMapping;
import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.EpochRecord;
import io.joulebench.harness.result.Execution;
import io.joulebench.harness.result.MemoryRecord;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.SuiteRef;
import io.joulebench.harness.result.TrialOutcome;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialEnergy;
import io.joulebench.harness.trial.TrialSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Programmatic trial records: a modelled CPU domain and an unavailable GPU, two epochs, carbon in POL; accuracy,
 * seconds and joules chosen by the test.
 */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static TrialRecord trial(String arm, String trainer, String baseline, long seed, double accuracy, double seconds,
                             double joules) {
        return trial(arm, trainer, baseline, seed, accuracy, seconds, joules, TrialRecord.COMPLETED, false);
    }

    static TrialRecord trial(String arm, String trainer, String baseline, long seed, double accuracy, double seconds,
                             double joules, String status, boolean warmup) {
        return trial(arm, trainer, baseline, seed, accuracy, seconds, joules, status, warmup,
                TrialSpec.OWN_CONVERGENCE);
    }

    static TrialRecord trial(String arm, String trainer, String baseline, long seed, double accuracy, double seconds,
                             double joules, String status, boolean warmup, String protocol) {
        TrialSpec spec = new TrialSpec(trainer, "fashion-mnist", "study", seed, 42, Map.of("hidden", "1000,1000"),
                warmup ? -1 : 0, protocol, Map.of("gemm", "onednn"));
        double idleJ = joules / 4;
        DomainEnergy cpu = new DomainEnergy("cpu-package", "CPU package(s)", "model", "MODELLED: TDP 65 W x load",
                Method.MODELLED, Quality.COMPLETE, joules, joules / seconds, idleJ, joules - idleJ, joules / 10,
                "model error", 100, 0, null, null, seconds, null, List.of("modelled"));
        DomainEnergy gpu = new DomainEnergy("gpu:0", "GPU board (gpu:0)", "nvml", "NVML total energy",
                Method.UNAVAILABLE, Quality.UNAVAILABLE, null, null, null, null, null, null, 0, 5, null, null, 0.0,
                "NVML_ERROR_GPU_IS_LOST", List.of());
        double half = seconds / 2;
        PhaseEnergy e1 = new PhaseEnergy("train/epoch-1", 0, half, List.of(new PhaseDomainEnergy("cpu-package",
                Method.MODELLED, Quality.COMPLETE, joules / 2, idleJ / 2, (joules - idleJ) / 2, 50, 0, null)),
                joules / 2);
        PhaseEnergy e2 = new PhaseEnergy("train/epoch-2", half, half, List.of(new PhaseDomainEnergy("cpu-package",
                Method.MODELLED, Quality.COMPLETE, joules / 2, idleJ / 2, (joules - idleJ) / 2, 50, 0, null)),
                joules / 2);
        IdleBaseline idle = new IdleBaseline("2026-01-01T00:00:00Z", 5.0, List.of(
                new IdleBaseline.IdlePower("cpu-package", idleJ / seconds, Method.MODELLED, Quality.COMPLETE, null, null)));
        EnergyReport report = new EnergyReport("2026-01-01T00:00:10Z", seconds, 100.0, List.of(cpu, gpu),
                List.of(e1, e2), joules, idleJ, joules - idleJ, "left out: gpu:0 (unavailable)", idle, 0.01, 0.001);
        double grams = joules / 3.6e6 * 662.0;
        CarbonEstimate carbon = new CarbonEstimate("ANNUAL_AVERAGE", "POL", "Poland", 2023, "Ember", 1.0, joules,
                joules / 3.6e6, 662.0, grams / 1000, List.of());
        boolean ok = TrialRecord.COMPLETED.equals(status);
        EnergyRecord energy = ok ? EnergyMapping.map(new TrialEnergy(report, carbon, List.of(), List.of(), null))
                : null;
        TrialOutcome outcome = ok ? TrialOutcome.of(new TrainingResult(accuracy, 0.35, 2, Map.of("train", 2), 2,
                "max-epochs", 108000, 2.4e12)) : null;
        List<EpochRecord> epochs = new ArrayList<>();
        if (ok) {
            epochs.add(new EpochRecord("train", 1, 0.5, 0.4, accuracy - 0.02, 54000, 1.0, 1.2e12, half, joules / 2,
                    Map.of()));
            epochs.add(new EpochRecord("train", 2, 0.4, 0.35, accuracy - 0.01, 108000, 2.0, 2.4e12, half, joules / 2,
                    Map.of()));
        }
        MemoryRecord memory = new MemoryRecord(600L << 20, 90, 200L << 20, 620L << 20);
        Provenance prov = new Provenance("0.1.0", "0123456789abcdef0123456789abcdef01234567", "clean",
                Map.of("java.version", "17.0.15"), new Provenance.Host("host", "Test CPU", 1, 2, 2, null, null,
                "Linux", 24L << 30), Map.of("blas.vendor", "OPENBLAS"), new Provenance.DatasetFacts("fashion-mnist",
                "/d", 42L, 54000, 6000, 10000, Map.of("train.gz", "ab12")), Map.of(), Map.of());
        return new TrialRecord(TrialRecord.SCHEMA, spec.key(), arm + "-" + seed + "-" + status, "2026-01-01T00:00:10Z",
                status, ok ? null : "OutOfMemoryError: <boom> & \"quoted\"", warmup, spec,
                new SuiteRef("fmnist", "h", arm, baseline, (int) seed), epochs, outcome,
                Metrics.of(outcome, ok ? seconds : null, ok ? 1.0 : null, epochs, energy, "not metered", memory),
                energy, memory, new Execution(true, 0, null, seconds + 2, null, null, 3.0, 1), null, prov);
    }

    /** mf vs bp-mlp on fashion-mnist, seeds 1-3, plus a failed mf trial and a warm-up bp trial. */
    static List<TrialRecord> twoArms() {
        List<TrialRecord> out = new ArrayList<>();
        out.add(trial("bp", "bp-mlp", null, 1, 0.88, 100, 5000, TrialRecord.COMPLETED, true));
        for (int seed = 1; seed <= 3; seed++) {
            out.add(trial("bp", "bp-mlp", null, seed, 0.880 + seed * 0.001, 100 + seed, 5000 + 50 * seed));
            out.add(trial("mf", "mf", "bp", seed, 0.890 + seed * 0.001, 80 + seed, 4000 + 40 * seed));
        }
        out.add(trial("mf", "mf", "bp", 4, 0, 0, 1, TrialRecord.FAILED, false));
        return out;
    }

    static Path writeJsonl(Path file, List<TrialRecord> records) throws IOException {
        StringBuilder sb = new StringBuilder();
        records.forEach(r -> sb.append(ResultCodec.write(r)).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    static ResultsInput input(List<TrialRecord> records, Path folder) {
        return new ResultsInput(records.stream().map(r -> new ResultsInput.Loaded(r, folder)).toList(), List.of(),
                Map.of(TrialRecord.SCHEMA, records.size()));
    }
}
