package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.DataLocator;
import io.joulebench.algorithms.data.DatasetException;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.suite.PlannedTrial;
import io.joulebench.harness.suite.Seeds;
import io.joulebench.harness.suite.Shard;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.suite.SuiteLoader;
import io.joulebench.harness.suite.SuitePlanner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code joulebench suite}: a YAML suite of arms, paired seeds and protocols, one forked JVM per trial. */
@Command(name = "suite", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a suite (YAML: arms, seeds, protocols; see suites/): paired seeds, blocks in seeded random"
                + " order with ABBA inside, a warm-up trial, one JVM per trial, every record appended to"
                + " OUT/results.jsonl at once; rerunning resumes. Ends with per-arm statistics and ratios."})
final class SuiteCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The suite file.")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: results/SUITE-NAME).")
    Path out;

    @Option(names = "--seeds", paramLabel = "LIST", description = "Seeds instead of the file's: 1..5 or 1,2,3.")
    String seeds;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only blocks i, i+n, ... of the shuffled plan.")
    String shard;

    @Option(names = "--arms", paramLabel = "ID,...", split = ",",
            description = "Run only these arms (each arm's baseline must be among them).")
    List<String> arms;

    @Option(names = "--no-fork", description = "Run every trial in this JVM (debugging; recorded in each trial).")
    boolean noFork;

    @Option(names = "--dry-run", description = "Print the plan (order, shards, estimated time) and run nothing.")
    boolean dryRun;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where datasets are looked for first.")
    Path dataDir;

    @Mixin
    TrialMeteringOptions energy;

    @Mixin
    LockOptions lock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws EnergyException, InterruptedException, java.io.IOException {
        TrainerRegistry registry = TrainerRegistry.load();
        Suite suite = SuiteLoader.load(file, registry);
        if (arms != null) {
            suite = suite.only(arms);
        }
        List<Long> seedList = seeds == null ? null : parseSeeds("--seeds", seeds);
        Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
        Path dir = out != null ? out : Path.of("results", suite.name());
        ResultsStore store = new ResultsStore(dir);
        if (dataDir != null && !java.nio.file.Files.isDirectory(dataDir)) {
            throw new DatasetException("--data-dir " + dataDir + " is not a folder; give the folder holding the"
                    + " datasets, or leave it out to search the default places");
        }
        Map<String, String> skipped = missingData(suite);
        List<PlannedTrial> plan = SuitePlanner.plan(suite, seedList, part, registry).stream()
                .filter(t -> !skipped.containsKey(t.arm().id())).toList();
        skipped.forEach((arm, why) -> System.out.println("skipping arm '" + arm + "': " + why));
        if (dryRun) {
            System.out.print(PlanPrinter.render(suite, plan, part, store));
            return CliErrors.OK;
        }
        System.out.println("JouleBench suite '" + suite.name() + "' (" + file + "): " + suite.arms().size()
                + " arms, " + (seedList == null ? suite.seeds() : seedList).size() + " seeds, protocols "
                + String.join(", ", suite.protocols()) + (part.equals(Shard.ALL) ? "" : ", shard " + part));
        return SuiteExecution.runSuite(suite, plan, spec.commandLine().getParseResult(), !noFork, dataDir, dir, lock,
                registry, folder -> { });
    }

    static List<Long> parseSeeds(String option, String text) {
        try {
            return Seeds.parse(text);
        } catch (IllegalArgumentException e) {
            throw new io.joulebench.algorithms.InvalidConfigurationException(option + ": " + e.getMessage());
        }
    }

    /** Arms whose dataset is not on this machine, with the command that fetches it. */
    private Map<String, String> missingData(Suite suite) {
        Map<String, String> missing = new LinkedHashMap<>();
        DataLocator locator = DataLocator.standard(dataDir, System.getenv(), Path.of(System.getProperty("user.home")));
        for (Suite.Arm arm : suite.arms()) {
            if (arm.dataset().equals(Datasets.FASHION_MNIST_SUBSET)) {
                continue;
            }
            try {
                Datasets.locate(arm.dataset(), locator);
            } catch (DatasetException e) {
                missing.put(arm.id(), "dataset '" + arm.dataset() + "' is not on this machine; get it with"
                        + " 'joulebench data fetch " + arm.dataset() + "'" + (arm.dataset().equals(Datasets.FASHION_MNIST)
                        ? " or 'apt-get install dataset-fashion-mnist'" : "") + ", or pass --data-dir");
            }
        }
        return missing;
    }
}
