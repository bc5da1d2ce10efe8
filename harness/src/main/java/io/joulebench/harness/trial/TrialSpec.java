package io.joulebench.harness.trial;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.joulebench.harness.result.TrialKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What you would rerun: the configuration of one trial, apart from the facts of where it ran.
 *
 * @param preset     the preset applied (null when none)
 * @param parameters every trainer parameter's value as text, defaults included, in declaration order
 * @param repetition which repetition of this exact configuration (0 for the first)
 * @param protocol   {@code own-convergence} or {@code matched-passes}
 * @param settings   result-changing settings outside the trainer's parameters (gemm library, BLAS, threads)
 */
public record TrialSpec(String trainer, String dataset, String preset, long seed, long splitSeed,
                        Map<String, String> parameters, int repetition, String protocol,
                        Map<String, String> settings) {
    public static final String OWN_CONVERGENCE = "own-convergence";
    public static final String MATCHED_PASSES = "matched-passes";

    public TrialSpec {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(dataset, "dataset");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        protocol = protocol == null ? OWN_CONVERGENCE : protocol;
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** A first repetition under the own-convergence protocol, with this process's engine settings. */
    public TrialSpec(String trainer, String dataset, String preset, long seed, long splitSeed,
                     Map<String, String> parameters) {
        this(trainer, dataset, preset, seed, splitSeed, parameters, 0, OWN_CONVERGENCE, EngineSettings.current());
    }

    /** Identifies the trial for resuming: equal keys mean the same experiment. */
    @JsonIgnore
    public String key() {
        return TrialKey.of(this);
    }

    public TrialSpec withParameters(Map<String, String> values, String newProtocol) {
        Map<String, String> merged = new LinkedHashMap<>(parameters);
        merged.putAll(values);
        return new TrialSpec(trainer, dataset, preset, seed, splitSeed, merged, repetition, newProtocol, settings);
    }

    public TrialSpec withRepetition(int r) {
        return new TrialSpec(trainer, dataset, preset, seed, splitSeed, parameters, r, protocol, settings);
    }
}
