package io.joulebench.harness.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The energy of one trial's training window, owned by the harness (the meter's own records are mapped into it,
 * never written as they are). Every figure that could not be obtained is null, never 0.
 *
 * @param windowSeconds   monotonic length of the training window
 * @param intervalMillis  sampler period
 * @param domains         per domain, whole window
 * @param phases          per (stage, epoch); the stretch before the first epoch has stage {@code setup}, epoch 0
 * @param totals          gross, idle and net sums over the additive domains, and what they leave out
 * @param idle            the idle baseline used; null when none was measured
 * @param carbon          carbon of the gross energy; null when there was no energy figure
 * @param gpusAtStart     every GPU's state when the window opened (empty without NVML; null when unreadable)
 * @param gpusAtEnd       the same when it closed
 * @param samplerCpuShare the sampler thread's CPU time over the window, as a share of one core; null when unknown
 * @param problems        what went wrong around the measurement (carbon, GPU facts), or null
 * @param scope           which figures carbon used: {@code machine} or {@code process}; null in records written
 *                        before scopes existed (machine)
 * @param attributed      the trial's process tree's ATTRIBUTED share of the CPU package and DRAM (empty when
 *                        nothing was attributed)
 * @param attributedTotals the sum of the attributed figures and what it leaves out (GPUs); null when none
 */
@JsonIgnoreProperties({"partialInTotal", "unavailableLeftOut"})
public record EnergyRecord(double windowSeconds, double intervalMillis, List<DomainRecord> domains,
                           List<PhaseRecord> phases, Totals totals, IdleRecord idle, CarbonRecord carbon,
                           List<GpuRecord> gpusAtStart, List<GpuRecord> gpusAtEnd, Double samplerCpuShare,
                           String problems, String scope, List<AttributedRecord> attributed,
                           Totals attributedTotals) {
    @JsonCreator
    public EnergyRecord {
        domains = List.copyOf(domains);
        phases = List.copyOf(phases);
        attributed = attributed == null ? List.of() : List.copyOf(attributed);
    }

    /** Without attribution (machine scope). */
    public EnergyRecord(double windowSeconds, double intervalMillis, List<DomainRecord> domains,
                        List<PhaseRecord> phases, Totals totals, IdleRecord idle, CarbonRecord carbon,
                        List<GpuRecord> gpusAtStart, List<GpuRecord> gpusAtEnd, Double samplerCpuShare,
                        String problems) {
        this(windowSeconds, intervalMillis, domains, phases, totals, idle, carbon, gpusAtStart, gpusAtEnd,
                samplerCpuShare, problems, null, List.of(), null);
    }

    /** Additive domains whose figure the totals include although it misses part of the window (PARTIAL). */
    public List<DomainRecord> partialInTotal() {
        return domains.stream().filter(d -> d.domain().additive() && d.joules() != null
                && d.quality() == Quality.PARTIAL).toList();
    }

    /** Additive domains the totals leave out because they have no figure. */
    public List<DomainRecord> unavailableLeftOut() {
        return domains.stream().filter(d -> d.domain().additive() && d.joules() == null).toList();
    }

    /** How a figure was obtained (the meter's methods). */
    public enum Method { COUNTER_DELTA, INTEGRATED_POWER, MODELLED, UNAVAILABLE }

    /** How complete a figure is. */
    public enum Quality { COMPLETE, PARTIAL, UNAVAILABLE }

    /**
     * One domain over the window.
     *
     * @param provider    {@code nvml}, {@code rapl}, {@code model}
     * @param source      the exact sensor
     * @param samples     successful readings; {@code gaps} failed or rejected ones
     * @param reason      why the figure is not COMPLETE; null when it is
     * @param rejections  readings refused as implausible, each with its reason (they count as gaps)
     * @param staleSeconds the longest stretch the counter stood still while the window ran, when it was stale
     */
    public record DomainRecord(DomainRef domain, String scope, String provider, String source, Method method,
                               Quality quality, Double joules, Double averageWatts, Double idleJoules,
                               Double netJoules, Double uncertaintyJoules, String uncertaintyBasis, int samples,
                               int gaps, Double updatePeriodMillis, Integer counterUpdates, double coveredSeconds,
                               String reason, List<String> notes, List<String> rejections, Double staleSeconds) {
        public DomainRecord {
            notes = notes == null ? List.of() : List.copyOf(notes);
            rejections = rejections == null ? List.of() : List.copyOf(rejections);
        }

        /** How a person should read the figure's origin. */
        public Obtained obtained() {
            return switch (method) {
                case MODELLED -> joules == null ? Obtained.UNAVAILABLE : Obtained.MODELLED;
                case UNAVAILABLE -> Obtained.UNAVAILABLE;
                default -> joules == null ? Obtained.UNAVAILABLE : Obtained.MEASURED;
            };
        }
    }

    /**
     * A process tree's ATTRIBUTED share of one machine domain: per sampling interval the domain's joules x (CPU time
     * of the tree / busy CPU time of the machine), summed. Never a measurement.
     *
     * @param tree          the process tree ("process tree of pid 42")
     * @param basis         how the machine figure was obtained (a share of a MODELLED figure is still modelled)
     * @param machineJoules the machine figure it is a share of
     * @param share         joules / machineJoules
     * @param treeCpuShare  the tree's CPU time / the machine's busy CPU time over the window
     * @param cappedIntervals intervals whose share was above 1 (clock-tick skew) and was capped at 1
     */
    public record AttributedRecord(DomainRef domain, String tree, Method basis, Quality quality, Double joules,
                                   Double machineJoules, Double share, Double treeCpuShare, int intervals,
                                   int cappedIntervals, String reason, List<String> notes) {
        public AttributedRecord {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /** ATTRIBUTED, or UNAVAILABLE without a figure. */
        public Obtained obtained() {
            return joules == null ? Obtained.UNAVAILABLE : Obtained.ATTRIBUTED;
        }
    }

    /** One epoch's share of the window, keyed by (stage, epoch). */
    public record PhaseRecord(String stage, int epoch, double startSeconds, double durationSeconds, Double joules,
                              List<PhaseDomain> domains) {
        public PhaseRecord {
            domains = List.copyOf(domains);
        }
    }

    /** One domain within one phase. */
    public record PhaseDomain(DomainRef domain, Method method, Quality quality, Double joules, Double idleJoules,
                              Double netJoules, String reason) {
    }

    /**
     * Sums over the additive domains that have a figure.
     *
     * @param note which domains the totals leave out or include only in part, and why; null when none
     */
    public record Totals(Double joules, Double idleJoules, Double netJoules, String note) {
    }

    /**
     * The idle baseline a trial used.
     *
     * @param measuredAt    ISO-8601 start of the idle window
     * @param windowSeconds its length
     * @param domains       idle watts per domain (null watts: no figure, with the reason)
     */
    public record IdleRecord(String measuredAt, double windowSeconds, List<IdleDomain> domains) {
        public IdleRecord {
            domains = List.copyOf(domains);
        }
    }

    /** Idle power of one domain. */
    public record IdleDomain(DomainRef domain, Double watts, Method method, Quality quality, String reason,
                             Double staleSeconds) {
    }

    /** Carbon of the gross energy: kgCO2e = sum E[kWh] x PUE x CI. */
    public record CarbonRecord(String method, String region, String regionName, Integer year, String source,
                               double pue, double energyJoules, Double gramsPerKwh, double gramsCO2e,
                               List<String> notes) {
        public CarbonRecord {
            notes = List.copyOf(notes);
        }
    }

    /** A GPU's state for provenance; null fields were not reported. */
    public record GpuRecord(int index, String name, String uuid, String pciBusId, String driverVersion,
                            Long powerLimitMilliwatts, Long memoryTotalBytes, Long memoryUsedBytes,
                            Integer utilizationGpuPercent, Integer smClockMhz, Integer memoryClockMhz,
                            Integer temperatureCelsius, List<Long> computeProcessPids, String energySource) {
    }
}
