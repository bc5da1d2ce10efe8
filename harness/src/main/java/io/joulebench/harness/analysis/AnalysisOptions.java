package io.joulebench.harness.analysis;

import io.joulebench.harness.stats.ComparisonOptions;

/**
 * What {@link Analysis} needs beyond the records.
 *
 * @param comparison     level, resamples, bootstrap seed, noise threshold, equivalence margin
 * @param targetAccuracy validation accuracy (a fraction) for the to-target protocol; null: per comparison, the
 *                       lower of the two arms' mean best validation accuracy (spec/experiments.md)
 * @param baseline       arm every other arm is compared with, overriding the suite's baselines; null: the suite's
 */
public record AnalysisOptions(ComparisonOptions comparison, Double targetAccuracy, String baseline) {
    public static final AnalysisOptions DEFAULTS = new AnalysisOptions(ComparisonOptions.DEFAULTS, null, null);

    public AnalysisOptions {
        if (comparison == null) {
            throw new IllegalArgumentException("comparison options are null");
        }
        if (targetAccuracy != null && !(targetAccuracy > 0 && targetAccuracy <= 1)) {
            throw new IllegalArgumentException("target accuracy must be in (0, 1]: " + targetAccuracy);
        }
    }
}
