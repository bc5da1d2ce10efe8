package io.joulebench.harness.analysis;

import io.joulebench.harness.result.Metric;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.TrialRecord;

/**
 * One trial's value of one metric, or why it has none.
 *
 * @param trial    the trial
 * @param value    the value, or null
 * @param obtained how it was obtained (unavailable when null)
 * @param reason   why the value is missing, or its qualifier; may be null
 */
record Observation(TrialRecord trial, Double value, Obtained obtained, String reason) {

    static Observation of(TrialRecord t, String metric) {
        Metric m = t.metric(metric).orElse(null);
        if (m == null) {
            return new Observation(t, null, Obtained.UNAVAILABLE, "not recorded in this trial");
        }
        return new Observation(t, m.value(), m.value() == null ? Obtained.UNAVAILABLE : m.obtained(),
                m.value() == null && m.reason() == null ? "unavailable" : m.reason());
    }

    /** The pairing key: the seed and the repetition, which paired arms share. */
    String pairKey() {
        return trial.spec().seed() + ":" + trial.spec().repetition();
    }
}
