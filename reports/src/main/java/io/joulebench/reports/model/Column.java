package io.joulebench.reports.model;

import java.util.Objects;

/** A table column: header text and the unit of its numbers (empty for none). */
public record Column(String header, String unit) {
    public Column {
        Objects.requireNonNull(header, "header");
        unit = unit == null ? "" : unit;
    }

    public static Column of(String header) {
        return new Column(header, "");
    }

    public static Column of(String header, String unit) {
        return new Column(header, unit);
    }

    /** "Energy (kJ)" or just "Arm". */
    public String label() {
        return unit.isEmpty() ? header : header + " (" + unit + ")";
    }
}
