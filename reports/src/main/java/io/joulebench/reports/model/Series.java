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

    /**
     * At most maxPoints points, for long power traces: the points split into buckets in order, each keeping its
     * lowest and highest y (in x order), so peaks and dips survive where plain striding would drop them.
     */
    public Series downsampled(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be >= 2: " + maxPoints);
        }
        if (points.size() <= maxPoints) {
            return this;
        }
        int buckets = maxPoints / 2;
        java.util.List<Point> out = new java.util.ArrayList<>(maxPoints);
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * points.size() / buckets);
            int to = (int) ((long) (b + 1) * points.size() / buckets);
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                double y = points.get(i).y();
                if (y < points.get(lo).y()) {
                    lo = i;
                }
                if (y > points.get(hi).y()) {
                    hi = i;
                }
            }
            out.add(points.get(Math.min(lo, hi)));
            if (lo != hi) {
                out.add(points.get(Math.max(lo, hi)));
            }
        }
        return new Series(name, group, out);
    }
}
