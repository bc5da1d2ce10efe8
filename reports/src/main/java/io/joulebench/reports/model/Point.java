package io.joulebench.reports.model;

/**
 * One point of a series, with optional intervals on either axis and an optional label (e.g. the trial id).
 */
public record Point(double x, double y, Interval xInterval, Interval yInterval, String label) {
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a point needs finite coordinates; leave a missing one out: "
                    + x + ", " + y);
        }
    }

    public static Point of(double x, double y) {
        return new Point(x, y, null, null, null);
    }

    public static Point labelled(double x, double y, String label) {
        return new Point(x, y, null, null, label);
    }
}
