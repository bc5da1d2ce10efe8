package io.joulebench.harness.trial;

import io.joulebench.algorithms.EpochStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What is known of the trial running now, so that a signal can record it as {@code interrupted} with the epochs
 * it finished. Fed from the training thread, read from the signal's: every method is synchronized.
 */
public final class InFlightTrial {
    private TrialSpec spec;
    private String startedAt;
    private long epochStartNanos;
    private final List<EpochRecord> epochs = new ArrayList<>();

    public synchronized void start(TrialSpec spec) {
        this.spec = spec;
        this.startedAt = Instant.now().toString();
        this.epochs.clear();
        this.epochStartNanos = System.nanoTime();
    }

    public synchronized void epochStarted() {
        epochStartNanos = System.nanoTime();
    }

    public synchronized void epochEnded(EpochStats stats) {
        epochs.add(EpochRecord.of(stats, (System.nanoTime() - epochStartNanos) / 1e9));
    }

    /** The trial ended (completed or failed, its record written): nothing in flight. */
    public synchronized void end() {
        spec = null;
    }

    public synchronized TrialSpec spec() {
        return spec;
    }

    /** The record of the trial in flight, marked interrupted, or null when none is running. */
    public synchronized TrialRecord interrupted(String why) {
        if (spec == null) {
            return null;
        }
        return new TrialRecord(TrialRecord.SCHEMA, UUID.randomUUID().toString(), startedAt, TrialRecord.INTERRUPTED,
                why + " after " + epochs.size() + " finished epoch(s)", spec, List.copyOf(epochs), null, null, null,
                null, null, null);
    }
}
