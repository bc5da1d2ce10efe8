package io.joulebench.harness.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.joulebench.harness.provenance.Provenance;
import io.joulebench.harness.trial.TrialSpec;
import java.util.List;
import java.util.Optional;

/**
 * One trial as stored: one JSON line of {@code results.jsonl}, schema {@value #SCHEMA}. Names kept from
 * {@code joulebench.trial/1} where their meaning is unchanged ({@code status}, {@code spec}, {@code result},
 * {@code epochs}); older files are read through {@link LegacyTrialReader}.
 *
 * @param key        {@link TrialKey} of the spec: what resume and merge de-duplicate by
 * @param status     {@code completed}, {@code failed} or {@code interrupted}
 * @param error      why the trial failed or was interrupted; null when it completed
 * @param warmup     true for a warm-up trial: recorded, excluded from statistics
 * @param suite      where the trial sits in a suite; null for {@code run}
 * @param result     what training achieved; null unless completed
 * @param metrics    every per-trial figure as data (see {@link Metrics})
 * @param energy     the training window's energy; null when not metered
 * @param trace      the power-trace sidecar file, relative to the results file's folder; null when none
 */
public record TrialRecord(String schema, String key, String trialId, String startedAt, String status, String error,
                          boolean warmup, TrialSpec spec, SuiteRef suite, List<EpochRecord> epochs,
                          TrialOutcome result, List<Metric> metrics, EnergyRecord energy, MemoryRecord memory,
                          Execution execution, String trace, Provenance provenance) {
    public static final String SCHEMA = "joulebench.trial/2";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    public TrialRecord {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /**
     * A trial that produced no result (failed before it could, or was interrupted): its finished epochs, and every
     * metric unavailable with {@code problem} as the reason, never 0.
     */
    public static TrialRecord withoutResult(TrialSpec spec, String startedAt, String status, String problem,
                                            List<EpochRecord> epochs, Execution execution) {
        return new TrialRecord(SCHEMA, spec.key(), java.util.UUID.randomUUID().toString(), startedAt, status, problem,
                false, spec, null, epochs, null, Metrics.of(null, null, null, epochs, null, problem, null), null,
                null, execution, null, null);
    }

    @JsonIgnore
    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /** The metric of this name, when recorded. */
    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The value of a metric, or null when missing or unavailable. */
    public Double value(String name) {
        return metric(name).map(Metric::value).orElse(null);
    }

    @JsonIgnore
    public Double trainingSeconds() {
        return value(Metrics.TRAINING_SECONDS);
    }

    public TrialRecord withSuite(SuiteRef ref, boolean isWarmup, Execution exec) {
        return new TrialRecord(schema, key, trialId, startedAt, status, error, isWarmup, spec, ref, epochs, result,
                metrics, energy, memory, exec, trace, provenance);
    }

    public TrialRecord withTrace(String sidecar) {
        return new TrialRecord(schema, key, trialId, startedAt, status, error, warmup, spec, suite, epochs, result,
                metrics, energy, memory, execution, sidecar, provenance);
    }
}
