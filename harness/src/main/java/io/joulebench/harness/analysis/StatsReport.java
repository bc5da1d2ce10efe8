package io.joulebench.harness.analysis;

import java.util.List;

/**
 * What {@code joulebench stats} reports: per arm and protocol the metric summaries, per comparison the ratios and
 * the accuracy difference. Plain data; {@link StatsJson} and {@link StatsTable} render it.
 *
 * @param arms        per arm and protocol
 * @param comparisons per arm against its baseline and protocol
 * @param notes       report-wide statements (no baseline, records read)
 * @param options     the settings used
 */
public record StatsReport(List<ArmStats> arms, List<ComparisonStats> comparisons, List<String> notes,
                          AnalysisOptions options) {
    public static final String SCHEMA = "joulebench.stats/1";

    public StatsReport {
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
        notes = List.copyOf(notes);
    }
}
