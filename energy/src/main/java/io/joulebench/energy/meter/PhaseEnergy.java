package io.joulebench.energy.meter;

import java.util.List;
import java.util.Optional;

/**
 * Energy between one {@link MeteringSession#mark mark} and the next (or the end).
 *
 * @param phase           the name given to mark ("(before first mark)" for the stretch before the first)
 * @param startSeconds    phase start, seconds after the session start
 * @param durationSeconds phase length
 * @param domains         per domain
 * @param totalJoules     sum over additive domains (GPUs, CPU package, DRAM) that have a figure; null if none
 */
public record PhaseEnergy(String phase, double startSeconds, double durationSeconds, List<PhaseDomainEnergy> domains,
                          Double totalJoules) {
    public PhaseEnergy {
        domains = List.copyOf(domains);
    }

    /** The entry of one domain. */
    public Optional<PhaseDomainEnergy> domain(String id) {
        return domains.stream().filter(d -> d.domain().equals(id)).findFirst();
    }
}
