package io.joulebench.harness.trial;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.energy.EnergyException;
import io.joulebench.energy.meter.PhaseEnergy;
import io.joulebench.harness.provenance.ProvenanceCollector;
import io.joulebench.harness.result.EnergyMapping;
import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.EpochRecord;
import io.joulebench.harness.result.Execution;
import io.joulebench.harness.result.MemoryRecord;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialOutcome;
import io.joulebench.harness.result.TrialRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs one trial: times and meters the training call and every epoch, watches memory, and never throws for a
 * failed trial.
 */
public final class TrialRunner {
    private final ProvenanceCollector provenance;
    private final TrialMetering metering;
    private final Path resultsFolder;

    /** @param metering the energy meter for every trial, or null to run without energy measurement */
    public TrialRunner(ProvenanceCollector provenance, TrialMetering metering) {
        this(provenance, metering, null);
    }

    /**
     * @param resultsFolder where results.jsonl lives: each metered trial's power trace is written beside it
     *                      ({@link TraceSidecar}) and named in the record; null keeps no trace
     */
    public TrialRunner(ProvenanceCollector provenance, TrialMetering metering, Path resultsFolder) {
        this.provenance = provenance;
        this.metering = metering;
        this.resultsFolder = resultsFolder;
    }

    /**
     * Trains and returns the record, completed or failed. {@code observer} sees every event too (progress output).
     */
    public TrialRecord run(TrainerProvider provider, TrialSpec spec, TrainerConfig config, Dataset dataset,
                           TrainingListener observer) {
        String startedAt = Instant.now().toString();
        List<EpochRecord> epochs = new ArrayList<>();
        Window window = new Window();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochStart(EpochStart start) {
                window.mark(TrialEnergy.phase(start.stage(), start.epoch()));
                window.epochStart = System.nanoTime();
                observer.onEpochStart(start);
            }

            @Override
            public void onEpochEnd(EpochStats stats) {
                epochs.add(EpochRecord.of(stats, seconds(System.nanoTime() - window.epochStart)));
                observer.onEpochEnd(stats);
            }

            @Override
            public void onTestStart() {
                // The training window ends here: the study's figures exclude the test evaluation.
                window.endTraining();
                observer.onTestStart();
            }
        };
        provenance.prepare(); // native libraries load here, outside the training window
        MemoryWatcher memory = MemoryWatcher.start(Duration.ofMillis(100));
        TrainingResult result = null;
        String error = null;
        try {
            window.begin(metering);
            result = provider.create(config).train(new TrainingTask(dataset, config, spec.seed()), listener);
        } catch (RuntimeException | OutOfMemoryError | EnergyException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long end = System.nanoTime();
        window.endTraining();
        MemoryRecord mem = memory.stop();
        Double trainingSeconds = null;
        Double testSeconds = null;
        if (result != null) {
            trainingSeconds = seconds(window.trainingEnd - window.trainingStart);
            testSeconds = seconds(end - window.trainingEnd);
        }
        TrialOutcome outcome = result == null ? null : TrialOutcome.of(result);
        List<EpochRecord> epochRecords = withEnergy(epochs, window.energy);
        EnergyRecord energy = window.energy == null ? null : EnergyMapping.map(window.energy);
        return new TrialRecord(TrialRecord.SCHEMA, spec.key(), UUID.randomUUID().toString(), startedAt,
                result != null ? TrialRecord.COMPLETED : TrialRecord.FAILED, error, false, spec, null, epochRecords,
                outcome, Metrics.of(outcome, trainingSeconds, testSeconds, epochRecords, energy,
                        metering == null ? "not metered (--no-energy)" : "the meter gave no figure", mem),
                energy, mem, Execution.inProcess(), trace(window, spec.key()), provenanceOf(dataset, result));
    }

    /** The machine's and dataset's facts, with what the trainer reported about itself (external trainers). */
    private io.joulebench.harness.provenance.Provenance provenanceOf(Dataset dataset, TrainingResult result) {
        io.joulebench.harness.provenance.Provenance p = provenance.collect(dataset);
        return result == null || result.facts().isEmpty() ? p : p.withWorkload(result.facts());
    }

    /** Writes the window's power trace as a sidecar; a trace that cannot be written costs the trace, not the trial. */
    private String trace(Window window, String key) {
        if (resultsFolder == null || window.session == null || window.energy == null) {
            return null;
        }
        try {
            return TraceSidecar.write(window.session.trace(), resultsFolder, key);
        } catch (RuntimeException e) {
            System.err.println("joulebench: the power trace of trial " + key + " was not kept: " + e.getMessage());
            return null;
        }
    }

    /** Each epoch's gross joules from its phase of the training window. */
    private static List<EpochRecord> withEnergy(List<EpochRecord> epochs, TrialEnergy energy) {
        if (energy == null) {
            return List.copyOf(epochs);
        }
        return epochs.stream().map(e -> e.withJoules(energy.training().phases(TrialEnergy.phase(e.stage(), e.epoch()))
                .stream().findFirst().map(PhaseEnergy::totalJoules).orElse(null))).toList();
    }

    /** The training window's clock marks and metering session. */
    private static final class Window {
        long trainingStart;
        long trainingEnd;
        long epochStart;
        TrialMetering.Session session;
        TrialEnergy energy;

        void begin(TrialMetering metering) throws EnergyException {
            if (metering != null) {
                session = metering.start();
            }
            trainingStart = System.nanoTime();
        }

        void mark(String phase) {
            if (session != null) {
                session.mark(phase);
            }
        }

        /** Idempotent: the first call (test start, or the end of a trial that never tested) closes the window. */
        void endTraining() {
            if (trainingEnd != 0) {
                return;
            }
            trainingEnd = System.nanoTime();
            if (session != null) {
                energy = session.stop();
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
