package io.joulebench.harness.trial;

import io.joulebench.algorithms.TrainingResult;
import io.joulebench.harness.provenance.Provenance;
import java.util.List;

/**
 * One trial as stored, one JSON line in {@code results.jsonl}.
 *
 * @param schema the record format, {@link #SCHEMA}; bumped on incompatible change
 * @param status {@code completed}, {@code failed}, or {@code interrupted} (by a signal; resuming reruns it)
 * @param error why the trial failed, or null
 * @param result the trainer's result, or null when the trial failed
 * @param trainingSeconds wall time of the training call (per-epoch validation included, test excluded)
 * @param testSeconds wall time of the final test evaluation
 * @param energy energy and carbon of the training window, or null when the trial was not metered
 */
public record TrialRecord(String schema, String trialId, String startedAt, String status, String error,
                          TrialSpec spec, List<EpochRecord> epochs, TrainingResult result, Double trainingSeconds,
                          Double testSeconds, MemoryRecord memory, TrialEnergy energy,
                          Provenance provenance) {
    public static final String SCHEMA = "joulebench.trial/1";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    public boolean completed() {
        return COMPLETED.equals(status);
    }
}
