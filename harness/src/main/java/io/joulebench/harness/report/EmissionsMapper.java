package io.joulebench.harness.report;

import io.joulebench.harness.provenance.Provenance;
import io.joulebench.harness.result.DomainRef;
import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.reports.emissions.CodeCarbonColumn;
import io.joulebench.reports.emissions.EmissionsRow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One emissions.csv row per trial read: CodeCarbon's columns where a figure exists (energy in kWh, power in W,
 * emissions in kg), empty otherwise, then JouleBench's own columns.
 */
final class EmissionsMapper {
    private static final double J_PER_KWH = 3.6e6;

    private EmissionsMapper() {
    }

    static List<EmissionsRow> map(TrialSelection s) {
        List<EmissionsRow> rows = new ArrayList<>();
        for (ResultsInput.Loaded l : s.all()) {
            rows.add(row(l.record()));
        }
        return rows;
    }

    static EmissionsRow row(TrialRecord r) {
        EmissionsRow.Builder b = EmissionsRow.builder();
        try {
            if (r.startedAt() != null) {
                b.timestamp(LocalDateTime.ofInstant(Instant.parse(r.startedAt()), ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            // an unreadable start time leaves the column empty rather than guessing one
        }
        b.text(CodeCarbonColumn.PROJECT_NAME, "joulebench");
        b.text(CodeCarbonColumn.RUN_ID, Objects.requireNonNullElse(r.trialId(), r.key()));
        b.text(CodeCarbonColumn.EXPERIMENT_ID, r.suite() == null ? "run" : r.suite().name());
        Double seconds = r.trainingSeconds();
        if (seconds != null) {
            b.number(CodeCarbonColumn.DURATION, seconds);
        }
        EnergyRecord e = r.energy();
        if (e != null) {
            energy(b, e, seconds);
        }
        Provenance p = r.provenance();
        if (p != null && p.host() != null) {
            if (p.host().os() != null) {
                b.text(CodeCarbonColumn.OS, p.host().os());
            }
            b.count(CodeCarbonColumn.CPU_COUNT, p.host().logicalCores());
            if (p.host().cpuModel() != null) {
                b.text(CodeCarbonColumn.CPU_MODEL, p.host().cpuModel());
            }
            if (p.host().totalMemoryBytes() > 0) {
                b.number(CodeCarbonColumn.RAM_TOTAL_SIZE, p.host().totalMemoryBytes() / 1073741824.0);
            }
        }
        b.text(CodeCarbonColumn.TRACKING_MODE, "machine");
        b.extra("joulebench_version", p == null || p.joulebenchVersion() == null ? "" : p.joulebenchVersion());
        b.extra("status", r.status() + (r.warmup() ? ",warm-up" : ""));
        b.extra("arm", Arm.nameOf(r));
        b.extra("trainer", r.spec().trainer());
        b.extra("dataset", r.spec().dataset());
        b.extra("seed", Long.toString(r.spec().seed()));
        r.metric(Metrics.ENERGY_JOULES).ifPresent(m -> b.extra("energy_obtained", m.obtained().json()));
        Double acc = r.value(Metrics.TEST_ACCURACY);
        b.extra("test_accuracy", acc == null ? "" : io.joulebench.reports.table.Numbers.plain(acc));
        return b.build();
    }

    private static void energy(EmissionsRow.Builder b, EnergyRecord e, Double seconds) {
        Double cpu = domainSum(e, DomainRef.Kind.CPU_PACKAGE);
        Double gpu = domainSum(e, DomainRef.Kind.GPU);
        Double ram = domainSum(e, DomainRef.Kind.DRAM);
        double window = e.windowSeconds();
        setEnergy(b, CodeCarbonColumn.CPU_ENERGY, CodeCarbonColumn.CPU_POWER, cpu, window);
        setEnergy(b, CodeCarbonColumn.GPU_ENERGY, CodeCarbonColumn.GPU_POWER, gpu, window);
        setEnergy(b, CodeCarbonColumn.RAM_ENERGY, CodeCarbonColumn.RAM_POWER, ram, window);
        if (cpu != null || gpu != null || ram != null) {
            double sum = (cpu == null ? 0 : cpu) + (gpu == null ? 0 : gpu) + (ram == null ? 0 : ram);
            b.number(CodeCarbonColumn.ENERGY_CONSUMED, sum / J_PER_KWH);
        }
        int gpus = e.gpusAtStart() == null ? 0 : e.gpusAtStart().size();
        if (gpus > 0) {
            b.count(CodeCarbonColumn.GPU_COUNT, gpus);
            b.text(CodeCarbonColumn.GPU_MODEL, e.gpusAtStart().stream().map(EnergyRecord.GpuRecord::name)
                    .filter(Objects::nonNull).distinct().reduce((x, y) -> x + "," + y).orElse(""));
        }
        EnergyRecord.CarbonRecord c = e.carbon();
        if (c != null) {
            b.number(CodeCarbonColumn.EMISSIONS, c.gramsCO2e() / 1000);
            double duration = seconds != null && seconds > 0 ? seconds : window;
            if (duration > 0) {
                b.number(CodeCarbonColumn.EMISSIONS_RATE, c.gramsCO2e() / 1000 / duration);
            }
            if (c.regionName() != null) {
                b.text(CodeCarbonColumn.COUNTRY_NAME, c.regionName());
            }
            if (c.region() != null) {
                b.text(CodeCarbonColumn.COUNTRY_ISO_CODE, c.region());
            }
            b.number(CodeCarbonColumn.PUE, c.pue());
        }
    }

    private static void setEnergy(EmissionsRow.Builder b, CodeCarbonColumn energy, CodeCarbonColumn power,
                                  Double joules, double window) {
        if (joules == null) {
            return;
        }
        b.number(energy, joules / J_PER_KWH);
        if (window > 0) {
            b.number(power, joules / window);
        }
    }

    /** The domains of one kind summed, or null when none has a figure. */
    private static Double domainSum(EnergyRecord e, DomainRef.Kind kind) {
        Double sum = null;
        for (EnergyRecord.DomainRecord d : e.domains()) {
            if (d.domain().kind() == kind && d.joules() != null) {
                sum = (sum == null ? 0 : sum) + d.joules();
            }
        }
        return sum;
    }
}
