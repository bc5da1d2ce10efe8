package io.joulebench.harness.cli;

import io.joulebench.harness.Defaults;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.suite.PlannedTrial;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.suite.SuiteRunner;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code joulebench run}: trials of one trainer on one dataset, one per seed, appended to results.jsonl. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train one trainer on one dataset, one trial per seed, each in its own JVM; every finished trial"
                + " is appended to OUT/results.jsonl at once. Trials already completed there are skipped, so"
                + " rerunning an interrupted command resumes it."})
final class RunCommand implements Callable<Integer> {
    @Option(names = {"-t", "--trainer"}, required = true, paramLabel = "ID",
            description = "Trainer id (see 'joulebench list trainers').")
    String trainer;

    @Option(names = {"-d", "--dataset"}, paramLabel = "ID", defaultValue = Datasets.FASHION_MNIST_SUBSET,
            description = "Dataset id (default: ${DEFAULT-VALUE}, embedded; see 'joulebench list datasets').")
    String dataset;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Named settings for this dataset, e.g. mf-twin (default: the trainer's default preset).")
    String preset;

    @Option(names = "--seed", paramLabel = "LIST", defaultValue = "1",
            description = "Seed(s): 1,2,3 or 1..5; one trial per seed, each seed once (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (overrides the preset).")
    Integer epochs;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = "Set a trainer parameter, e.g. -P hidden=500,500 -P lr=1e-3.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "results/run",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-fork", description = "Run every trial in this JVM (debugging; recorded in each trial).")
    boolean noFork;

    @Mixin
    RunOptions options;

    @Mixin
    TrialMeteringOptions energy;

    @Mixin
    LockOptions lock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws EnergyException, InterruptedException {
        Map<String, String> overrides = new LinkedHashMap<>(params);
        if (epochs != null) {
            overrides.put("epochs", epochs.toString());
        }
        TrainerRegistry registry = TrainerRegistry.load();
        Suite.Arm arm = new Suite.Arm(trainer, trainer, preset, dataset, overrides, null, 0);
        List<PlannedTrial> plan = new ArrayList<>();
        List<Long> seedList = SuiteCommand.parseSeeds("--seed", seeds);
        for (int i = 0; i < seedList.size(); i++) {
            long seed = seedList.get(i);
            TrialPlan p = TrialPlan.resolve(registry, trainer, dataset, preset, overrides, seed,
                    options.splitSeedFor(seed));
            plan.add(new PlannedTrial(arm, p, TrialSpec.OWN_CONVERGENCE, i + 1, false));
        }
        options.checkData(List.of(dataset));
        MeteringArgs metering = MeteringArgs.merge(spec.commandLine().getParseResult(), Map.of());
        List<TrialRecord> records;
        try (OutputFolder folder = lock.open(out)) {
            records = SuiteExecution.run(plan, null, null, metering,
                    new SuiteRunner.Settings(metering.options().idle, Defaults.IDLE_MAX_AGE, Suite.Cooldown.NONE), !noFork,
                    options.dataDir, folder, lock.originalArgs(), registry);
        }
        return records.stream().allMatch(TrialRecord::completed) ? CliErrors.OK : CliErrors.FAILED;
    }
}
