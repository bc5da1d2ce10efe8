package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/** A named group of provenance facts: "Machine", "Software", "Carbon", "Protocol", "Datasets". */
public record FactGroup(String name, List<Fact> facts) {
    public FactGroup {
        Objects.requireNonNull(name, "name");
        facts = List.copyOf(facts);
    }
}
