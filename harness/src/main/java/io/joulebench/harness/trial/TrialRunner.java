package io.joulebench.harness.trial;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.harness.provenance.ProvenanceCollector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Runs one trial: times the training call and every epoch, watches memory, and never throws for a failed trial. */
public final class TrialRunner {
    private final ProvenanceCollector provenance;

    public TrialRunner(ProvenanceCollector provenance) {
        this.provenance = provenance;
    }

    /**
     * Trains and returns the record, completed or failed. {@code observer} sees every event too (progress output).
     */
    public TrialRecord run(TrainerProvider provider, TrialSpec spec, TrainerConfig config, Dataset dataset,
                           TrainingListener observer) {
        String startedAt = Instant.now().toString();
        List<EpochRecord> epochs = new ArrayList<>();
        long[] marks = new long[3]; // epoch start, training start, test start (System.nanoTime)
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochStart(EpochStart start) {
                marks[0] = System.nanoTime();
                observer.onEpochStart(start);
            }

            @Override
            public void onEpochEnd(EpochStats stats) {
                epochs.add(EpochRecord.of(stats, seconds(System.nanoTime() - marks[0])));
                observer.onEpochEnd(stats);
            }

            @Override
            public void onTestStart() {
                marks[2] = System.nanoTime();
                observer.onTestStart();
            }
        };
        MemoryWatcher memory = MemoryWatcher.start(Duration.ofMillis(100));
        TrainingResult result = null;
        String error = null;
        marks[1] = System.nanoTime();
        try {
            result = provider.create(config).train(new TrainingTask(dataset, config, spec.seed()), listener);
        } catch (RuntimeException | OutOfMemoryError e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long end = System.nanoTime();
        MemoryRecord mem = memory.stop();
        Double trainingSeconds = null;
        Double testSeconds = null;
        if (result != null) {
            long testStart = marks[2] != 0 ? marks[2] : end;
            trainingSeconds = seconds(testStart - marks[1]);
            testSeconds = seconds(end - testStart);
        }
        return new TrialRecord(TrialRecord.SCHEMA, UUID.randomUUID().toString(), startedAt,
                result != null ? TrialRecord.COMPLETED : TrialRecord.FAILED, error, spec, List.copyOf(epochs),
                result, trainingSeconds, testSeconds, mem, provenance.collect(dataset));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
