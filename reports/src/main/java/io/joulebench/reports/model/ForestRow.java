package io.joulebench.reports.model;

import java.util.Objects;

/** One row of a forest plot: label (arm), metric (energy, time, CO2e), the ratio and its interval. */
public record ForestRow(String label, String metric, double ratio, Interval interval, Obtained obtained) {
    public ForestRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(obtained, "obtained");
        if (!(ratio > 0) || !Double.isFinite(ratio)) {
            throw new IllegalArgumentException("a ratio on a log axis must be finite and > 0: " + ratio);
        }
        if (interval != null && !(interval.lo() > 0)) {
            throw new IllegalArgumentException("a ratio interval on a log axis must be > 0: " + interval);
        }
    }
}
