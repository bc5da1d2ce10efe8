package io.joulebench.reports.model;

import java.util.Objects;

/** An axis: what it shows and its unit (required: every axis is labelled with its unit), and whether it is log. */
public record Axis(String label, String unit, boolean log) {
    public Axis {
        Objects.requireNonNull(label, "label");
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("axis " + label + " needs a unit (use \"1\" for a ratio)");
        }
    }

    public static Axis of(String label, String unit) {
        return new Axis(label, unit, false);
    }

    public static Axis log(String label, String unit) {
        return new Axis(label, unit, true);
    }

    public String text() {
        return label + " (" + unit + ")";
    }
}
