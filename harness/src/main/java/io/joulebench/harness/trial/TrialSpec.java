package io.joulebench.harness.trial;

import java.util.Map;
import java.util.Objects;

/**
 * What you would rerun: the configuration of one trial, apart from the facts of where it ran.
 *
 * @param preset the preset applied (null when none)
 * @param parameters every trainer parameter's value as text, defaults included
 */
public record TrialSpec(String trainer, String dataset, String preset, long seed, long splitSeed,
                        Map<String, String> parameters) {
    public TrialSpec {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(dataset, "dataset");
        // Declaration order, so results read like the trainer's help.
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** Identifies the trial for resuming: equal keys mean the same experiment. */
    public String key() {
        return trainer + "|" + dataset + "|" + seed + "|" + splitSeed + "|" + new java.util.TreeMap<>(parameters);
    }
}
