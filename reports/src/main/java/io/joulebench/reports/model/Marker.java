package io.joulebench.reports.model;

import java.util.Objects;

/** A labelled position on an axis: an epoch boundary on time, an idle power level on power. */
public record Marker(String label, double value) {
    public Marker {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("marker " + label + " needs a finite value");
        }
    }
}
