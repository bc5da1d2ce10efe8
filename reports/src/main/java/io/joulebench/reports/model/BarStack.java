package io.joulebench.reports.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One layer of a stacked bar chart (e.g. "CPU active"), a value per category; null where it does not apply
 * (drawn as nothing, never as 0).
 */
public record BarStack(String name, List<Double> values, Obtained obtained) {
    public BarStack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(obtained, "obtained");
        for (Double v : values) {
            if (v != null && (!Double.isFinite(v) || v < 0)) {
                throw new IllegalArgumentException("stack " + name + " has a bad value: " + v);
            }
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
