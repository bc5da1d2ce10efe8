package io.joulebench.harness.trial;

import io.joulebench.algorithms.TrainingListener;
import io.joulebench.harness.result.TrialRecord;

/** Runs one planned trial and returns its record, completed or failed; never throws for a failed trial. */
public interface TrialExecutor {
    /**
     * @param plan     the trial
     * @param progress sees every epoch event where the executor can relay them (in-process), else none
     */
    TrialRecord execute(TrialPlan plan, TrainingListener progress) throws InterruptedException;

    /** True when every trial runs in a JVM of its own. */
    boolean forked();
}
