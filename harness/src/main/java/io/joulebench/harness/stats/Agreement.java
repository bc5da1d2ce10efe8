package io.joulebench.harness.stats;

/**
 * Whether the bootstrap and Fieller intervals of a ratio agree. They disagree when an endpoint moves by more than
 * the tolerance (default 10 %) of their mean width: max(|lo_b - lo_f|, |hi_b - hi_f|) &gt; tol (w_b + w_f) / 2,
 * or when exactly one of them is undefined (one bounded, the other not).
 */
public enum Agreement {
    AGREE,
    DISAGREE,
    /** Neither interval exists (too few values, or mean(Y) = 0). */
    UNCHECKED;

    static Agreement of(Interval a, Interval b, double tolerance) {
        if (a == null && b == null) {
            return UNCHECKED;
        }
        if (a == null || b == null) {
            return DISAGREE;
        }
        double gap = Math.max(Math.abs(a.lower() - b.lower()), Math.abs(a.upper() - b.upper()));
        return gap > tolerance * (a.width() + b.width()) / 2 ? DISAGREE : AGREE;
    }
}
