package io.joulebench.energy.meter;

import io.joulebench.energy.DomainInfo;
import java.util.List;

/**
 * A provider as probed here: whether it is available, why not, the fix, and the domains it would measure (or
 * measures, for the meter's selection: {@code selected} lists the domains it won).
 */
public record ProviderStatus(String id, int priority, String description, boolean available, String reason,
                             String message, String fix, List<DomainInfo> domains, List<String> selected) {
    public ProviderStatus {
        domains = List.copyOf(domains);
        selected = List.copyOf(selected);
    }
}
