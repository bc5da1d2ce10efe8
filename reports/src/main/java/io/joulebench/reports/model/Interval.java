package io.joulebench.reports.model;

/** A closed interval [lo, hi], e.g. a 95 % confidence interval. */
public record Interval(double lo, double hi) {
    public Interval {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("interval bounds must be finite: [" + lo + ", " + hi + "]");
        }
        if (lo > hi) {
            throw new IllegalArgumentException("interval lo > hi: [" + lo + ", " + hi + "]");
        }
    }

    public boolean contains(double x) {
        return x >= lo && x <= hi;
    }
}
