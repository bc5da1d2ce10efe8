package io.joulebench.harness.trial;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.harness.result.EpochRecord;
import io.joulebench.harness.result.TrialRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What is known of the trial running now, so that a signal can record it as {@code interrupted} with the epochs
 * it finished. Fed from the training thread, read from the signal's: every method is synchronized.
 */
public final class InFlightTrial {
    private TrialSpec spec;
    private String startedAt;
    private long epochStartNanos;
    private final List<EpochRecord> epochs = new ArrayList<>();
    /** Stops a forked trial and returns the record it saved, or null; set while a child runs the trial. */
    private Function<String, TrialRecord> child;

    /** A forked trial is running: an interruption asks it to save its own record (with its epochs). */
    public synchronized void attachChild(Function<String, TrialRecord> stopAndCollect) {
        child = stopAndCollect;
    }

    public synchronized void detachChild() {
        child = null;
    }

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
    public TrialRecord interrupted(String why) {
        Function<String, TrialRecord> c;
        synchronized (this) {
            c = child;
        }
        // Outside the lock: the child's epochs reach us only through its record.
        TrialRecord fromChild = c == null ? null : c.apply(why);
        return fromChild != null ? fromChild : own(why);
    }

    private synchronized TrialRecord own(String why) {
        if (spec == null) {
            return null;
        }
        String error = why + " after " + epochs.size() + " finished epoch(s)";
        return TrialRecord.withoutResult(spec, startedAt, TrialRecord.INTERRUPTED, error, List.copyOf(epochs), null);
    }
}
