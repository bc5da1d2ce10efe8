package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * Lines over x: power timelines (one series per domain, epoch boundaries as xMarkers, idle level as a yMarker,
 * the measured window as shadedX) and learning curves (one series per trial or arm).
 */
public record LinePlot(String id, String title, Axis x, Axis y, List<Series> lines, List<Marker> xMarkers,
                       List<Marker> yMarkers, Interval shadedX, String shadedLabel) implements Chart {
    public LinePlot {
        Ids.check(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        lines = List.copyOf(lines);
        xMarkers = xMarkers == null ? List.of() : List.copyOf(xMarkers);
        yMarkers = yMarkers == null ? List.of() : List.copyOf(yMarkers);
    }

    public static LinePlot of(String id, String title, Axis x, Axis y, List<Series> lines) {
        return new LinePlot(id, title, x, y, lines, List.of(), List.of(), null, null);
    }
}
