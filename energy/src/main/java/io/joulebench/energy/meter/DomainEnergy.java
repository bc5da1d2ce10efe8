package io.joulebench.energy.meter;

import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import java.util.List;

/**
 * Energy of one domain over a metering window. Every number that could not be obtained is null, never 0.
 *
 * @param domain             {@code gpu:0}, {@code cpu-package}, {@code dram}, ...
 * @param scope              what the domain covers
 * @param provider           {@code nvml}, {@code rapl}, {@code model}
 * @param source             the exact sensor ("RAPL package-0 (intel-rapl:0) + ...", "MODELLED: ...")
 * @param method             COUNTER_DELTA, INTEGRATED_POWER, MODELLED or UNAVAILABLE
 * @param quality            COMPLETE, PARTIAL or UNAVAILABLE
 * @param joules             gross energy; null when unavailable
 * @param averageWatts       joules / covered seconds
 * @param idleJoules         idle power x window (x covered seconds for a PARTIAL figure), when an idle baseline
 *                           was given
 * @param netJoules          joules - idleJoules
 * @param uncertaintyJoules  estimated uncertainty (see uncertaintyBasis)
 * @param uncertaintyBasis   how the uncertainty was derived
 * @param samples            successful readings in the window
 * @param gaps               failed readings in the window
 * @param updatePeriodMillis detected counter update period (median spacing of value changes); null for power
 *                           sensors, when too few changes were seen, or when the counter changed at (nearly)
 *                           every reading (it updates faster than the sampler; a note says so)
 * @param counterUpdates     value changes of the counter seen in the window (counters only)
 * @param coveredSeconds     time between the first and last successful readings used
 * @param reason             why the figure is not COMPLETE; null when it is
 * @param notes              flags (short window, modelled, wraps corrected, ...)
 * @param rejections         every reading rejected as implausible in the window ("t=1.234 s: power ... above
 *                           the plausible ceiling ..."); each is also counted in gaps
 * @param staleSeconds       the longest stretch in which a counter did not advance, when it was long enough to make
 *                           the counter stale (see {@link io.joulebench.energy.Plausibility#staleAfter}); else null
 */
public record DomainEnergy(String domain, String scope, String provider, String source, Method method,
                           Quality quality, Double joules, Double averageWatts, Double idleJoules, Double netJoules,
                           Double uncertaintyJoules, String uncertaintyBasis, int samples, int gaps,
                           Double updatePeriodMillis, Integer counterUpdates, double coveredSeconds, String reason,
                           List<String> notes, List<String> rejections, Double staleSeconds) {
    public DomainEnergy {
        notes = List.copyOf(notes);
        rejections = rejections == null ? List.of() : List.copyOf(rejections); // absent in records written before it existed
    }

    /** Without rejections or staleness (older callers, tests). */
    public DomainEnergy(String domain, String scope, String provider, String source, Method method, Quality quality,
                        Double joules, Double averageWatts, Double idleJoules, Double netJoules,
                        Double uncertaintyJoules, String uncertaintyBasis, int samples, int gaps,
                        Double updatePeriodMillis, Integer counterUpdates, double coveredSeconds, String reason,
                        List<String> notes) {
        this(domain, scope, provider, source, method, quality, joules, averageWatts, idleJoules, netJoules,
                uncertaintyJoules, uncertaintyBasis, samples, gaps, updatePeriodMillis, counterUpdates, coveredSeconds,
                reason, notes, List.of(), null);
    }
}
