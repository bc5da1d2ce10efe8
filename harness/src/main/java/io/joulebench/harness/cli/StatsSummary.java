package io.joulebench.harness.cli;

import io.joulebench.harness.analysis.AnalysisOptions;
import io.joulebench.harness.analysis.StatsTable;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.stats.ComparisonOptions;
import io.joulebench.harness.suite.Suite;
import java.util.List;

/** The statistics a suite ends with: per-arm summaries with intervals and every comparison with its baseline. */
final class StatsSummary {
    private StatsSummary() {
    }

    static String render(List<TrialRecord> records, Suite suite) {
        ComparisonOptions c = ComparisonOptions.DEFAULTS;
        if (suite.noise() != null) {
            c = c.withNoise(suite.noise());
        }
        return StatsTable.summary(records.stream().filter(r -> r.suite() != null
                && suite.hash().equals(r.suite().hash())).toList(), new AnalysisOptions(c, suite.targetAccuracy(), null));
    }
}
