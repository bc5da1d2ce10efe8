package io.joulebench.energy;

import java.util.List;
import java.util.Objects;

/** Result of {@link SensorProvider#probe}: available with the domains it would measure, or not, with why and the fix. */
public sealed interface Availability permits Availability.Available, Availability.Unavailable {

    /** True for {@link Available}. */
    default boolean available() {
        return this instanceof Available;
    }

    /** Available: the domains it would open, and a detail line (library version, zones found). */
    record Available(List<DomainInfo> domains, String detail) implements Availability {
        public Available {
            domains = List.copyOf(domains);
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Unavailable: a typed reason, what happened, and how to fix it (may be empty). */
    record Unavailable(UnavailableReason reason, String message, String fix) implements Availability {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            fix = fix == null ? "" : fix;
        }
    }
}
