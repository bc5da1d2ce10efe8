package io.joulebench.harness.result;

import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.meter.AttributedEnergy;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.IdleBaseline;
import io.joulebench.energy.meter.PhaseDomainEnergy;
import io.joulebench.energy.meter.PhaseEnergy;
import io.joulebench.energy.nvml.GpuFacts;
import io.joulebench.harness.result.EnergyRecord.CarbonRecord;
import io.joulebench.harness.result.EnergyRecord.DomainRecord;
import io.joulebench.harness.result.EnergyRecord.GpuRecord;
import io.joulebench.harness.result.EnergyRecord.IdleDomain;
import io.joulebench.harness.result.EnergyRecord.IdleRecord;
import io.joulebench.harness.result.EnergyRecord.Method;
import io.joulebench.harness.result.EnergyRecord.PhaseDomain;
import io.joulebench.harness.result.EnergyRecord.PhaseRecord;
import io.joulebench.harness.result.EnergyRecord.Quality;
import io.joulebench.harness.trial.TrialEnergy;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the meter's records into the harness's result model field by field, so a rename inside {@code energy}
 * breaks this class at compile time instead of changing the file format.
 */
public final class EnergyMapping {
    /** The meter's phase names, {@code STAGE/epoch-N}, as {@link TrialEnergy#phase} writes them. */
    private static final Pattern PHASE = Pattern.compile("(.*)/epoch-(\\d+)");
    /** The stretch before the first epoch mark (data set-up, model build). */
    public static final String SETUP_STAGE = "setup";

    private EnergyMapping() {
    }

    public static EnergyRecord map(TrialEnergy energy) {
        EnergyReport r = energy.training();
        return new EnergyRecord(r.windowSeconds(), r.intervalMillis(),
                r.domains().stream().map(EnergyMapping::domain).toList(),
                r.phases().stream().map(EnergyMapping::phase).toList(),
                new EnergyRecord.Totals(r.totalJoules(), r.totalIdleJoules(), r.totalNetJoules(), r.totalNote()),
                idle(r.idle()), carbon(energy.carbon()), gpus(energy.gpusAtStart()), gpus(energy.gpusAtEnd()),
                r.samplerCpuShare(), energy.error(), energy.scope().label(),
                r.attributed().stream().map(EnergyMapping::attributed).toList(), r.attributed().isEmpty() ? null
                : new EnergyRecord.Totals(r.attributedTotalJoules(), null, null, r.attributedNote()));
    }

    static EnergyRecord.AttributedRecord attributed(AttributedEnergy a) {
        return new EnergyRecord.AttributedRecord(DomainRef.of(a.domain()), a.tree(), method(a.basis()),
                quality(a.quality()), a.joules(), a.machineJoules(), a.share(), a.treeCpuShare(), a.intervals(),
                a.cappedIntervals(), a.reason(), a.notes());
    }

    static DomainRecord domain(DomainEnergy d) {
        return new DomainRecord(DomainRef.of(d.domain()), d.scope(), d.provider(), d.source(), method(d.method()),
                quality(d.quality()), d.joules(), d.averageWatts(), d.idleJoules(), d.netJoules(),
                d.uncertaintyJoules(), d.uncertaintyBasis(), d.samples(), d.gaps(), d.updatePeriodMillis(),
                d.counterUpdates(), d.coveredSeconds(), d.reason(), d.notes(), d.rejections(), d.staleSeconds());
    }

    static PhaseRecord phase(PhaseEnergy p) {
        Matcher m = PHASE.matcher(p.phase());
        String stage = m.matches() ? m.group(1) : SETUP_STAGE;
        int epoch = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        return new PhaseRecord(stage, epoch, p.startSeconds(), p.durationSeconds(), p.totalJoules(),
                p.domains().stream().map(EnergyMapping::phaseDomain).toList());
    }

    static PhaseDomain phaseDomain(PhaseDomainEnergy d) {
        return new PhaseDomain(DomainRef.of(d.domain()), method(d.method()), quality(d.quality()), d.joules(),
                d.idleJoules(), d.netJoules(), d.reason());
    }

    static IdleRecord idle(IdleBaseline b) {
        if (b == null) {
            return null;
        }
        return new IdleRecord(b.startedAt(), b.windowSeconds(), b.domains().stream()
                .map(d -> new IdleDomain(DomainRef.of(d.domain()), d.watts(), method(d.method()),
                        quality(d.quality()), d.reason(), d.staleSeconds())).toList());
    }

    static CarbonRecord carbon(CarbonEstimate c) {
        if (c == null) {
            return null;
        }
        return new CarbonRecord(c.method(), c.region(), c.regionName(), c.year(), c.source(), c.pue(),
                c.energyJoules(), c.gramsPerKwh(), c.gramsCO2e(), c.notes());
    }

    static List<GpuRecord> gpus(List<GpuFacts> gpus) {
        if (gpus == null) {
            return null;
        }
        return gpus.stream().map(g -> new GpuRecord(g.index(), g.name(), g.uuid(), g.pciBusId(), g.driverVersion(),
                g.powerLimitMilliwatts(), g.memoryTotalBytes(), g.memoryUsedBytes(), g.utilizationGpuPercent(),
                g.smClockMhz(), g.memoryClockMhz(), g.temperatureCelsius(), g.computeProcessPids(),
                g.energySource())).toList();
    }

    static Method method(io.joulebench.energy.Method m) {
        return switch (m) {
            case COUNTER_DELTA -> Method.COUNTER_DELTA;
            case INTEGRATED_POWER -> Method.INTEGRATED_POWER;
            case MODELLED -> Method.MODELLED;
            case UNAVAILABLE -> Method.UNAVAILABLE;
        };
    }

    static Quality quality(io.joulebench.energy.Quality q) {
        return switch (q) {
            case COMPLETE -> Quality.COMPLETE;
            case PARTIAL -> Quality.PARTIAL;
            case UNAVAILABLE -> Quality.UNAVAILABLE;
        };
    }
}
