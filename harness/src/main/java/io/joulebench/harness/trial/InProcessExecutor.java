package io.joulebench.harness.trial;

import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.harness.result.Execution;
import io.joulebench.harness.result.TrialRecord;
import java.util.function.BiFunction;

/**
 * Runs trials in this JVM ({@code --no-fork}, for debugging): JIT state, heap and peak RSS carry over from trial to
 * trial, which every record says ({@code execution.forked = false}).
 */
public final class InProcessExecutor implements TrialExecutor {
    private final TrialRunner runner;
    private final BiFunction<String, Long, Dataset> datasets;
    private String loadedKey;
    private Dataset loaded;

    /** @param datasets loads a dataset by id and split seed; the last one is kept for the next trial */
    public InProcessExecutor(TrialRunner runner, BiFunction<String, Long, Dataset> datasets) {
        this.runner = runner;
        this.datasets = datasets;
    }

    @Override
    public TrialRecord execute(TrialPlan plan, TrainingListener progress) {
        String key = plan.spec().dataset() + "|" + plan.spec().splitSeed();
        if (!key.equals(loadedKey)) {
            loaded = null; // let the previous split go before loading the next
            loaded = datasets.apply(plan.spec().dataset(), plan.spec().splitSeed());
            loadedKey = key;
        }
        long start = System.nanoTime();
        TrialRecord r = runner.run(plan.provider(), plan.spec(), plan.config(), loaded, progress);
        Execution e = new Execution(false, null, null, (System.nanoTime() - start) / 1e9, null, null, null, null);
        return r.withSuite(r.suite(), r.warmup(), e);
    }

    @Override
    public boolean forked() {
        return false;
    }
}
