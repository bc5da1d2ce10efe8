package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/** Raw trial values per arm, one series per arm; only each point's y is used (x is the arm's position). */
public record StripPlot(String id, String title, Axis y, List<Series> arms) implements Chart {
    public StripPlot {
        Ids.check(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(y, "y");
        arms = List.copyOf(arms);
    }
}
