package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * Per-trial points (one series per arm), arm means with interval crosshairs (points carrying x and y intervals,
 * one series per arm, same group as the trials), and optionally the Pareto front over the trial points.
 */
public record ScatterPlot(String id, String title, Axis x, Axis y, List<Series> trials, List<Series> means,
                          Pareto pareto) implements Chart {
    public ScatterPlot {
        Ids.check(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        trials = List.copyOf(trials);
        means = means == null ? List.of() : List.copyOf(means);
    }
}
