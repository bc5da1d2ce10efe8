package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * Named points; {@code group} ties series of one arm (or domain) together so they share a colour and shape.
 */
public record Series(String name, String group, List<Point> points) {
    public Series {
        Objects.requireNonNull(name, "name");
        group = group == null ? name : group;
        points = List.copyOf(points);
    }

    public static Series of(String name, List<Point> points) {
        return new Series(name, name, points);
    }
}
