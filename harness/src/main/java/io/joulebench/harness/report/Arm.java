package io.joulebench.harness.report;

import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One arm of the comparison: the suite's arm name, or the trainer id for records of {@code run}; its trials
 * (completed, not warm-up) sorted by seed and repetition so that index i pairs with the baseline's index i.
 *
 * @param name     the arm's name as shown
 * @param trainer  the trainer id of its trials
 * @param dataset  the dataset of its trials ("mixed" when they differ)
 * @param baseline the arm it names as its baseline (suite records), or null
 */
public record Arm(String name, String trainer, String dataset, String baseline, Map<String, String> parameters,
                  List<Selected> trials) {

    /** A used trial and the folder its trace sidecar is relative to. */
    public record Selected(TrialRecord record, java.nio.file.Path folder) {
        /** Seed and repetition: what pairs a trial with the baseline's. */
        String pairKey() {
            return record.spec().seed() + "/" + record.spec().repetition();
        }
    }

    public Arm {
        trials = trials.stream().sorted(Comparator.comparingLong((Selected s) -> s.record().spec().seed())
                .thenComparingInt(s -> s.record().spec().repetition())).toList();
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The arm a record belongs to. */
    static String nameOf(TrialRecord r) {
        return r.suite() != null && r.suite().arm() != null ? r.suite().arm() : r.spec().trainer();
    }

    /**
     * The arm as compared: its name, with the protocol appended unless it is own convergence, so an arm's
     * matched-passes trials are an arm of their own, compared with the baseline's own-convergence trials.
     */
    static String labelOf(TrialRecord r) {
        String p = r.spec().protocol();
        return TrialSpec.OWN_CONVERGENCE.equals(p) ? nameOf(r) : nameOf(r) + " [" + p + "]";
    }

    public int n() {
        return trials.size();
    }

    public List<TrialRecord> records() {
        return trials.stream().map(Selected::record).toList();
    }
}
