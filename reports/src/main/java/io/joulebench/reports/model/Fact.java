package io.joulebench.reports.model;

import java.util.Objects;

/** One provenance fact, e.g. "JDK" = "17.0.15". A null value is shown as n/a with the reason. */
public record Fact(String key, String value, String reasonIfMissing) {
    public Fact {
        Objects.requireNonNull(key, "key");
        if (value == null && (reasonIfMissing == null || reasonIfMissing.isBlank())) {
            throw new IllegalArgumentException("fact " + key + " has no value and no reason");
        }
    }

    public static Fact of(String key, String value) {
        return new Fact(key, Objects.requireNonNull(value, "value"), null);
    }

    public static Fact missing(String key, String reason) {
        return new Fact(key, null, reason);
    }
}
