package io.joulebench.energy.meter;

import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;

/** Energy of one domain within one phase; nulls where unavailable. */
public record PhaseDomainEnergy(String domain, Method method, Quality quality, Double joules, Double idleJoules,
                                Double netJoules, int samples, int gaps, String reason) {
}
