package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialRecord;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code joulebench run}: trials of one trainer on one dataset, one per seed, appended to results.jsonl. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train one trainer on one dataset, one trial per seed; every finished trial is appended to"
                + " OUT/results.jsonl at once. Trials already completed there are skipped, so rerunning an"
                + " interrupted command resumes it."})
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

    @Option(names = "--seed", paramLabel = "N", split = ",", defaultValue = "1",
            description = "Seed(s), comma-separated: one trial per seed (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (overrides the preset).")
    Integer epochs;

    @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE",
            description = "Set a trainer parameter, e.g. -P hidden=500,500 -P lr=1e-3.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "results/run",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    RunOptions options;

    @Mixin
    TrialMeteringOptions energy;

    @Mixin
    LockOptions lock;

    @Override
    public Integer call() throws EnergyException, InterruptedException {
        Map<String, String> overrides = new LinkedHashMap<>(params);
        if (epochs != null) {
            overrides.put("epochs", epochs.toString());
        }
        TrainerRegistry registry = TrainerRegistry.load();
        List<TrialPlan> plans = seeds.stream().map(seed -> TrialPlan.resolve(registry, trainer, dataset, preset,
                overrides, seed, options.splitSeedFor(seed))).toList();
        options.checkData(plans.stream().map(p -> p.spec().dataset()).toList());
        List<TrialRecord> records;
        try (OutputFolder folder = lock.open(out)) {
            records = Trials.run(plans, options, energy, folder, lock.originalArgs());
        }
        return records.stream().allMatch(TrialRecord::completed) ? CliErrors.OK : CliErrors.FAILED;
    }
}
