package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * Ratios against a baseline on a log axis, with interval whiskers and a shaded noise band (e.g. [0.95, 1.05]).
 */
public record ForestPlot(String id, String title, Axis ratioAxis, List<ForestRow> rows, Interval noiseBand)
        implements Chart {
    public ForestPlot {
        Ids.check(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(ratioAxis, "ratioAxis");
        rows = List.copyOf(rows);
        if (noiseBand != null && !(noiseBand.lo() > 0)) {
            throw new IllegalArgumentException("noise band on a log axis must be > 0: " + noiseBand);
        }
    }
}
