package io.joulebench.harness.trial;

import io.joulebench.harness.result.TrialRecord;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.harness.results.ResultsStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs planned trials in order, appending each record to the results file the moment it ends. Trials already
 * completed in that file are skipped, so an interrupted run resumes where it stopped.
 */
public final class TrialSeries {
    /** What the series tells its user as it goes. */
    public interface Observer {
        void skipped(TrialPlan plan, TrialRecord previous);

        /** A listener for the trial's progress. */
        TrainingListener starting(TrialPlan plan, int index, int total);

        void finished(TrialRecord record);
    }

    private final ResultsStore store;
    private final TrialRunner runner;

    public TrialSeries(ResultsStore store, TrialRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    /**
     * @param datasets loads a dataset by id and split seed, only when a trial needs it; the last one loaded is
     *                 reused by the next trial that asks for the same id and split (one full dataset in memory)
     * @return the records of every planned trial, earlier completed ones included, in plan order
     */
    public List<TrialRecord> run(List<TrialPlan> plans, BiFunction<String, Long, Dataset> datasets,
                                 Observer observer) {
        Map<String, TrialRecord> done = new HashMap<>();
        for (TrialRecord r : store.readAll()) {
            if (r.completed() && r.spec() != null) {
                done.put(r.key(), r);
            }
        }
        String loadedKey = null;
        Dataset dataset = null;
        List<TrialRecord> records = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            TrialPlan plan = plans.get(i);
            TrialRecord previous = done.get(plan.spec().key());
            if (previous != null) {
                observer.skipped(plan, previous);
                records.add(previous);
                continue;
            }
            String key = plan.spec().dataset() + "|" + plan.spec().splitSeed();
            if (!key.equals(loadedKey)) {
                dataset = null; // let the previous split go before loading the next
                dataset = datasets.apply(plan.spec().dataset(), plan.spec().splitSeed());
                loadedKey = key;
            }
            TrainingListener progress = observer.starting(plan, i + 1, plans.size());
            TrialRecord record = runner.run(plan.provider(), plan.spec(), plan.config(), dataset, progress);
            store.append(record);
            observer.finished(record);
            records.add(record);
        }
        return records;
    }
}
