package io.joulebench.energy;

/**
 * What a provider would measure for one domain.
 *
 * @param domain   domain id ({@code gpu:0}, {@code cpu-package}, ...)
 * @param method   how: {@code COUNTER_DELTA}, {@code INTEGRATED_POWER} or {@code MODELLED}
 * @param measures human-readable description of the source
 */
public record DomainInfo(String domain, Method method, String measures) {
}
