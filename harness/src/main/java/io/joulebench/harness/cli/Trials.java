package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainingListener;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.provenance.ProvenanceCollector;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.trial.TrialMetering;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialRunner;
import io.joulebench.harness.trial.TrialSeries;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Runs plans with console progress and prints the summary table: what {@code run} and {@code demo} share. */
final class Trials {
    private Trials() {
    }

    static List<TrialRecord> run(List<TrialPlan> plans, RunOptions options, TrialMeteringOptions energy,
                                 ResultsStore store) throws EnergyException, InterruptedException {
        PrintStream out = System.out;
        try (TrialMetering metering = energy.open(out)) {
            return run(plans, options, metering, store, out);
        }
    }

    private static List<TrialRecord> run(List<TrialPlan> plans, RunOptions options, TrialMetering metering,
                                         ResultsStore store, PrintStream out) {
        TrialSeries series = new TrialSeries(store,
                new TrialRunner(new ProvenanceCollector(RunOptions.checkout()), metering));
        List<TrialRecord> records = series.run(plans, options.datasetLoader(), new TrialSeries.Observer() {
            @Override
            public void skipped(TrialPlan plan, TrialRecord previous) {
                out.println("skipping " + label(plan) + ": already completed in " + store.file());
            }

            @Override
            public TrainingListener starting(TrialPlan plan, int index, int total) {
                out.println(String.format(Locale.ROOT, "trial %d/%d: %s", index, total, label(plan)));
                return new ProgressPrinter(out, plan.spec().trainer() + " seed " + plan.spec().seed());
            }

            @Override
            public void finished(TrialRecord record) {
                if (record.completed()) {
                    out.println(String.format(Locale.ROOT, "  done: test accuracy %.2f%% after %d epochs (%s)",
                            100 * record.result().testAccuracy(), record.result().epochsRun(),
                            record.result().stopReason()));
                } else {
                    out.println("  FAILED: " + record.error() + " (recorded; continuing)");
                }
            }
        });
        out.println();
        out.print(SummaryTable.render(records));
        out.println("results: " + store.file().toAbsolutePath());
        return records;
    }

    static String label(TrialPlan plan) {
        return plan.spec().trainer() + " on " + plan.spec().dataset()
                + (plan.spec().preset() == null ? "" : " (preset " + plan.spec().preset() + ")")
                + " seed " + plan.spec().seed();
    }
}
