package io.joulebench.harness.analysis;

import io.joulebench.harness.stats.AccuracyComparison;
import java.util.List;

/**
 * Test accuracy of an arm against its baseline, in percentage points.
 *
 * @param comparison     the difference with its interval and verdict, or null (see {@code missing})
 * @param missing        why there is none, else null
 * @param level          confidence level: 0.95, or a Holm step-down level
 * @param adjustedPValue Holm-adjusted p-value, or null outside a family
 * @param familySize     arms Holm adjusted for
 * @param notes          values left out of the pairs, and such
 */
public record AccuracyResult(AccuracyComparison comparison, String missing, double level, Double adjustedPValue,
                             int familySize, List<String> notes) {
    public AccuracyResult {
        notes = List.copyOf(notes);
    }
}
