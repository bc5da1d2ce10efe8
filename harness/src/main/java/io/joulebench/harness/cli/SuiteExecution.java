package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.provenance.ProvenanceCollector;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.suite.PlannedTrial;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.suite.SuiteRunner;
import io.joulebench.harness.trial.ForkedExecutor;
import io.joulebench.harness.trial.InFlightTrial;
import io.joulebench.harness.trial.InProcessExecutor;
import io.joulebench.harness.trial.CarbonSettings;
import io.joulebench.harness.trial.TrialExecutor;
import io.joulebench.harness.trial.TrialMetering;
import io.joulebench.harness.trial.TrialRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/** Runs a plan with console progress and the summary table: what {@code run}, {@code demo} and {@code suite} share. */
final class SuiteExecution {
    private SuiteExecution() {
    }

    /** What a command does with the results folder once a suite has run (the demo writes its report). */
    interface AfterRun {
        void accept(Path folder) throws java.io.IOException;
    }

    /**
     * Runs a suite's plan into its locked folder, with the energy options of the command line over the file's,
     * then prints the statistics: what {@code suite} and {@code demo} share.
     *
     * @return the exit code: ok when every trial completed
     */
    static int runSuite(Suite suite, List<PlannedTrial> plan, CommandLine.ParseResult cli, boolean fork, Path dataDir,
                        Path dir, LockOptions lock, TrainerRegistry registry, AfterRun after)
            throws EnergyException, InterruptedException, java.io.IOException {
        Map<String, String> fileEnergy = new LinkedHashMap<>(suite.energy());
        fileEnergy.putIfAbsent("idle", suite.idle().toMillis() + "ms");
        MeteringArgs metering = MeteringArgs.merge(cli, fileEnergy);
        List<TrialRecord> records;
        try (OutputFolder folder = lock.open(dir)) {
            records = run(plan, suite.name(), suite.hash(), metering, new SuiteRunner.Settings(
                    metering.options().idle, suite.idleMaxAge(), suite.cooldown()), fork, dataDir, folder,
                    lock.originalArgs(), registry);
            System.out.println();
            System.out.print(StatsSummary.render(new ResultsStore(folder.path()).readAll(), suite));
            after.accept(folder.path());
        }
        return records.stream().allMatch(TrialRecord::completed) ? CliErrors.OK : CliErrors.FAILED;
    }

    /**
     * @param name suite name and hash for the records, or null for {@code run}
     */
    static List<TrialRecord> run(List<PlannedTrial> plan, String name, String hash, MeteringArgs meteringArgs,
                                 SuiteRunner.Settings settings, boolean fork, Path dataDir, OutputFolder folder,
                                 List<String> resumeArgs, TrainerRegistry registry)
            throws EnergyException, InterruptedException {
        PrintStream out = System.out;
        TrialMeteringOptions energy = meteringArgs.options();
        ResultsStore store = new ResultsStore(folder.path());
        InFlightTrial inFlight = new InFlightTrial();
        InterruptedRun onSignal = new InterruptedRun(store, inFlight, InterruptedRun.resumeCommand(resumeArgs), out,
                folder);
        try (Interrupts.Registration registration = Interrupts.register(onSignal);
             TrialMetering metering = energy.open(out)) {
            TrialExecutor executor = fork
                    ? new ForkedExecutor(TrialLauncher::javaCommand, workerArgs(meteringArgs),
                            store.file().toAbsolutePath().getParent().resolve(".trials"),
                            dataDir == null ? null : dataDir.toString(), metering != null,
                            () -> metering == null ? null : metering.idle(), out, System.err, inFlight,
                            store.file().toAbsolutePath().getParent())
                    : new InProcessExecutor(new TrialRunner(new ProvenanceCollector(RunOptions.checkout()), metering,
                            store.file().toAbsolutePath().getParent()),
                            RunOptions.loader(dataDir));
            out.println("trials: " + plan.size() + (fork ? ", each in its own JVM" : ", in this JVM (--no-fork)"));
            List<TrialRecord> records = new SuiteRunner(store, executor, metering, registry, settings, name, hash)
                    .run(plan, observer(out, store, inFlight, onSignal, carbonNow(energy), fork));
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

    /** The carbon settings asked for now, or null with --no-energy. */
    private static CarbonSettings carbonNow(TrialMeteringOptions energy) throws EnergyException {
        return energy.noEnergy ? null : energy.energy.carbon();
    }

    private static SuiteRunner.Observer observer(PrintStream out, ResultsStore store, InFlightTrial inFlight,
                                                 InterruptedRun onSignal, CarbonSettings carbon, boolean fork) {
        return new SuiteRunner.Observer() {
            @Override
            public void skipped(PlannedTrial t, TrialRecord previous) {
                out.println("skipping " + t.label() + ": already completed in " + store.file());
                String differs = carbon == null || previous.energy() == null ? null
                        : carbon.differsFrom(previous.energy().carbon());
                if (differs != null) {
                    out.println("  note: " + differs);
                }
                onSignal.saved(t.label(), "completed earlier");
            }

            @Override
            public TrainingListener starting(PlannedTrial t, int index, int total) {
                out.println(String.format(Locale.ROOT, "trial %d/%d: %s", index, total, t.label()));
                inFlight.start(t.plan().spec());
                return tracking(new ProgressPrinter(out, t.arm().trainer() + " seed " + t.plan().spec().seed()),
                        inFlight);
            }

            @Override
            public void finished(PlannedTrial t, TrialRecord record) {
                inFlight.end();
                onSignal.saved(t.label(), record.status());
                if (record.completed()) {
                    out.println(String.format(Locale.ROOT, "  done: test accuracy %.2f%% after %d epochs (%s)",
                            100 * record.result().testAccuracy(), record.result().epochsRun(),
                            record.result().stopReason()));
                } else {
                    out.println("  FAILED: " + record.error() + " (recorded; continuing)"
                            + (record.error() != null && record.error().startsWith("OutOfMemoryError")
                            ? "\n  " + (fork ? CliErrors.trialOutOfMemory()
                                    : CliErrors.outOfMemory(new OutOfMemoryError(record.error()))) : ""));
                }
            }

            @Override
            public void note(String line) {
                out.println(line);
            }
        };
    }

    /** Progress output that also keeps the in-flight trial's finished epochs, for an interrupted record. */
    static TrainingListener tracking(TrainingListener progress, InFlightTrial inFlight) {
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
}
