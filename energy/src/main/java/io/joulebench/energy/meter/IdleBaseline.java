package io.joulebench.energy.meter;

import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import java.util.List;
import java.util.Optional;

/**
 * Idle power per domain, measured on the same machine with no workload.
 *
 * @param startedAt     ISO-8601 wall-clock start of the idle window
 * @param windowSeconds its length
 * @param domains       per domain
 */
public record IdleBaseline(String startedAt, double windowSeconds, List<IdlePower> domains) {

    /**
     * Idle power of one domain; watts null when the domain had no figure. staleSeconds is set when its counter did not
     * advance for long enough to be stale (see {@link DomainEnergy#staleSeconds()}).
     */
    public record IdlePower(String domain, Double watts, Method method, Quality quality, String reason,
                            Double staleSeconds) {
    }

    public IdleBaseline {
        domains = List.copyOf(domains);
    }

    /**
     * The baseline derived from a report of an idle window: P_idle = joules / the seconds the figure covers
     * ({@link DomainEnergy#averageWatts()}), not / the window: a PARTIAL figure covers less than the window.
     */
    public static IdleBaseline from(EnergyReport idleWindow) {
        List<IdlePower> out = idleWindow.domains().stream().map(d -> new IdlePower(d.domain(),
                d.joules() == null ? null : d.averageWatts(), d.method(), d.quality(), d.reason(), d.staleSeconds()))
                .toList();
        return new IdleBaseline(idleWindow.startedAt(), idleWindow.windowSeconds(), out);
    }

    /** Idle watts of a domain, when known. */
    public Optional<Double> watts(String domain) {
        return domains.stream().filter(d -> d.domain().equals(domain)).findFirst().map(IdlePower::watts);
    }
}
