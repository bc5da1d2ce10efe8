package io.joulebench.harness.cli;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.provenance.ProvenanceCollector;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.trial.InFlightTrial;
import io.joulebench.harness.trial.TrialMetering;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialRecord;
import io.joulebench.harness.trial.TrialRunner;
import io.joulebench.harness.trial.TrialSeries;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Runs plans with console progress and prints the summary table: what {@code run} and {@code demo} share. */
final class Trials {
    private Trials() {
    }

    /**
     * Runs the plans into a validated, locked folder; on SIGINT/SIGTERM the trial in flight is recorded as
     * interrupted and the command that resumes ({@code resumeArgs} rerun) is printed.
     */
    static List<TrialRecord> run(List<TrialPlan> plans, RunOptions options, TrialMeteringOptions energy,
                                 OutputFolder folder, List<String> resumeArgs)
            throws EnergyException, InterruptedException {
        PrintStream out = System.out;
        ResultsStore store = new ResultsStore(folder.path());
        InFlightTrial inFlight = new InFlightTrial();
        InterruptedRun onSignal = new InterruptedRun(store, inFlight, InterruptedRun.resumeCommand(resumeArgs), out,
                folder);
        try (Interrupts.Registration registration = Interrupts.register(onSignal);
             TrialMetering metering = energy.open(out)) {
            return run(plans, options, metering, store, out, inFlight, onSignal);
        }
    }

    private static List<TrialRecord> run(List<TrialPlan> plans, RunOptions options, TrialMetering metering,
                                         ResultsStore store, PrintStream out, InFlightTrial inFlight,
                                         InterruptedRun onSignal) {
        TrialSeries series = new TrialSeries(store,
                new TrialRunner(new ProvenanceCollector(RunOptions.checkout()), metering));
        List<TrialRecord> records = series.run(plans, options.datasetLoader(), new TrialSeries.Observer() {
            @Override
            public void skipped(TrialPlan plan, TrialRecord previous) {
                out.println("skipping " + label(plan) + ": already completed in " + store.file());
                onSignal.saved(plan, "completed earlier");
            }

            @Override
            public TrainingListener starting(TrialPlan plan, int index, int total) {
                out.println(String.format(Locale.ROOT, "trial %d/%d: %s", index, total, label(plan)));
                inFlight.start(plan.spec());
                return tracking(new ProgressPrinter(out, plan.spec().trainer() + " seed " + plan.spec().seed()),
                        inFlight);
            }

            @Override
            public void finished(TrialRecord record) {
                inFlight.end();
                onSignal.saved(plan(plans, record), record.status());
                if (record.completed()) {
                    out.println(String.format(Locale.ROOT, "  done: test accuracy %.2f%% after %d epochs (%s)",
                            100 * record.result().testAccuracy(), record.result().epochsRun(),
                            record.result().stopReason()));
                } else {
                    out.println("  FAILED: " + record.error() + " (recorded; continuing)"
                            + (record.error() != null && record.error().startsWith("OutOfMemoryError")
                            ? "\n  " + CliErrors.outOfMemory(new OutOfMemoryError(record.error())) : ""));
                }
            }
        });
        out.println();
        out.print(SummaryTable.render(records));
        out.println("results: " + store.file().toAbsolutePath());
        return records;
    }

    /** Progress output that also keeps the in-flight trial's finished epochs, for an interrupted record. */
    private static TrainingListener tracking(TrainingListener progress, InFlightTrial inFlight) {
        return new TrainingListener() {
            @Override
            public void onEpochStart(EpochStart start) {
                inFlight.epochStarted();
                progress.onEpochStart(start);
            }

            @Override
            public void onEpochEnd(EpochStats stats) {
                inFlight.epochEnded(stats);
                progress.onEpochEnd(stats);
            }

            @Override
            public void onTestStart() {
                progress.onTestStart();
            }
        };
    }

    private static TrialPlan plan(List<TrialPlan> plans, TrialRecord record) {
        return plans.stream().filter(p -> p.spec().key().equals(record.spec().key())).findFirst().orElseThrow();
    }

    static String label(TrialPlan plan) {
        return plan.spec().trainer() + " on " + plan.spec().dataset()
                + (plan.spec().preset() == null ? "" : " (preset " + plan.spec().preset() + ")")
                + " seed " + plan.spec().seed();
    }
}
