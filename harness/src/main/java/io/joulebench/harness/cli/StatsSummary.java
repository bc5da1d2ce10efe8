package io.joulebench.harness.cli;

import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.suite.Suite;
import java.util.List;

/** The statistics printed at the end of a suite (replaced by the stats module's table on merge). */
final class StatsSummary {
    private StatsSummary() {
    }

    static String render(List<TrialRecord> records, Suite suite) {
        return "";
    }
}
