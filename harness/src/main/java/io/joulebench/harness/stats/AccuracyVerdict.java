package io.joulebench.harness.stats;

/** Verdict on an accuracy difference X - Y against an equivalence margin m (see {@link AccuracyComparison}). */
public enum AccuracyVerdict {
    /** TOST: the (2 level - 1) interval, 90 % by default, lies inside (-m, +m). */
    EQUIVALENT,
    /** The level interval (95 % by default) lies wholly above +m. */
    BETTER,
    /** The level interval lies wholly below -m. */
    WORSE,
    /** None of these, or no interval. */
    UNCLEAR
}
