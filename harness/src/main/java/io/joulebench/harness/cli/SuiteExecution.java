package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.provenance.ProvenanceCollector;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.suite.PlannedTrial;
import io.joulebench.harness.suite.SuiteRunner;
import io.joulebench.harness.trial.ForkedExecutor;
import io.joulebench.harness.trial.InProcessExecutor;
import io.joulebench.harness.trial.TrialExecutor;
import io.joulebench.harness.trial.TrialMetering;
import io.joulebench.harness.trial.TrialRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs a plan with console progress and the summary table: what {@code run}, {@code demo} and {@code suite} share. */
final class SuiteExecution {
    private SuiteExecution() {
    }

    /**
     * @param name suite name and hash for the records, or null for {@code run}
     */
    static List<TrialRecord> run(List<PlannedTrial> plan, String name, String hash, MeteringArgs meteringArgs,
                                 SuiteRunner.Settings settings, boolean fork, Path dataDir, ResultsStore store,
                                 TrainerRegistry registry) throws EnergyException, InterruptedException {
        PrintStream out = System.out;
        TrialMeteringOptions energy = meteringArgs.options();
        try (TrialMetering metering = energy.open(out)) {
            TrialExecutor executor = fork
                    ? new ForkedExecutor(TrialLauncher.javaCommand(), workerArgs(meteringArgs),
                            store.file().toAbsolutePath().getParent().resolve(".trials"),
                            dataDir == null ? null : dataDir.toString(), metering != null,
                            () -> metering == null ? null : metering.idle(), System.err)
                    : new InProcessExecutor(new TrialRunner(new ProvenanceCollector(RunOptions.checkout()), metering),
                            RunOptions.loader(dataDir));
            out.println("trials: " + plan.size() + (fork ? ", each in its own JVM" : ", in this JVM (--no-fork)"));
            List<TrialRecord> records = new SuiteRunner(store, executor, metering, registry, settings, name, hash)
                    .run(plan, observer(out, store));
            out.println();
            out.print(SummaryTable.render(records));
            out.println("results: " + store.file().toAbsolutePath());
            return records;
        }
    }

    private static List<String> workerArgs(MeteringArgs meteringArgs) {
        List<String> args = new ArrayList<>();
        args.add(WorkerCommand.NAME);
        args.addAll(meteringArgs.forTrial());
        return args;
    }

    private static SuiteRunner.Observer observer(PrintStream out, ResultsStore store) {
        return new SuiteRunner.Observer() {
            @Override
            public void skipped(PlannedTrial t, TrialRecord previous) {
                out.println("skipping " + t.label() + ": already completed in " + store.file());
            }

            @Override
            public TrainingListener starting(PlannedTrial t, int index, int total) {
                out.println(String.format(Locale.ROOT, "trial %d/%d: %s on %s", index, total, t.label(),
                        t.plan().spec().dataset()));
                return new ProgressPrinter(out, t.arm().trainer() + " seed " + t.plan().spec().seed());
            }

            @Override
            public void finished(PlannedTrial t, TrialRecord record) {
                if (record.completed()) {
                    out.println(String.format(Locale.ROOT, "  done: test accuracy %.2f%% after %d epochs (%s)",
                            100 * record.result().testAccuracy(), record.result().epochsRun(),
                            record.result().stopReason()));
                } else {
                    out.println("  FAILED: " + record.error() + " (recorded; continuing)");
                }
            }

            @Override
            public void note(String line) {
                out.println(line);
            }
        };
    }
}
