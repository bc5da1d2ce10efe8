package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialRecord;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code joulebench demo}: the quick comparison on the embedded dataset, ending in the summary table. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Quick comparison on the embedded Fashion-MNIST subset (runs offline, about two minutes on 2"
                + " cores): the study's headline pair, Mono-Forward (mf, 2x1000) against its backprop twin (bp-mlp),"
                + " with the study's settings, time, memory, energy and carbon.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "12",
            description = "Maximum epochs per trial, per layer for mf (default: ${DEFAULT-VALUE}, the study's for"
                    + " MF on Fashion-MNIST).")
    int epochs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: results/demo-DATE-TIME).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    RunOptions options;

    @Mixin
    TrialMeteringOptions energy;

    @Mixin
    LockOptions lock;

    @Override
    public Integer call() throws EnergyException, InterruptedException {
        Path dir = out != null ? out : Path.of("results",
                "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        TrainerRegistry registry = TrainerRegistry.load();
        String dataset = Datasets.FASHION_MNIST_SUBSET;
        String epochsText = Integer.toString(epochs);
        List<TrialPlan> plans = List.of(
                TrialPlan.resolve(registry, "bp-mlp", dataset, "mf-twin", Map.of("epochs", epochsText), seed,
                        options.splitSeedFor(seed)),
                TrialPlan.resolve(registry, "mf", dataset, "study", Map.of("epochs", epochsText), seed,
                        options.splitSeedFor(seed)));
        System.out.println("JouleBench demo: " + plans.size() + " trials on the embedded " + dataset + " ("
                + Datasets.info(dataset).description() + ")");
        options.checkData(plans.stream().map(p -> p.spec().dataset()).toList());
        List<TrialRecord> records;
        try (OutputFolder folder = lock.open(dir)) {
            List<String> resume = new java.util.ArrayList<>(lock.originalArgs());
            if (out == null) {
                // the default folder is new each time: resuming must name this one
                resume.addAll(List.of("--out", dir.toString()));
            }
            records = Trials.run(plans, options, energy, folder, resume);
        }
        return records.stream().allMatch(TrialRecord::completed) ? CliErrors.OK : CliErrors.FAILED;
    }
}
