package io.joulebench.harness.analysis;

import io.joulebench.harness.result.TrialRecord;
import java.util.List;
import java.util.Map;

/**
 * One arm: its completed, non-warm-up trials by protocol, and the trials left out.
 *
 * @param id       the suite's arm id, or a label made from the spec for {@code run} results
 * @param trainer  trainer id
 * @param dataset  dataset id
 * @param baseline the suite's baseline arm, or null
 * @param trials   protocol to trials, ordered by (seed, repetition)
 * @param leftOut  failed, interrupted and warm-up trials
 */
public record Arm(String id, String trainer, String dataset, String baseline, Map<String, List<TrialRecord>> trials,
                  List<LeftOut> leftOut) {
    public Arm {
        trials = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(trials)); // keeps protocol order
        leftOut = List.copyOf(leftOut);
    }

    public List<TrialRecord> trials(String protocol) {
        return trials.getOrDefault(protocol, List.of());
    }
}
