package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.harness.results.OutputFolder;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.slurm.MissingTrials;
import io.joulebench.harness.slurm.ShardMerge;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.suite.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code joulebench merge}: joins shard results into one results file, once per trial. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Join shard results (folders or .jsonl files) into OUT/results.jsonl: one record per trial key"
                + " (a completed one wins; extra completed ones are counted, not added), refusing shards of another"
                + " suite and warning on mixed git commits or hosts. Merging again adds nothing. With --suite, lists"
                + " the planned trials still missing and exits 1 when there are any."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Shard results: folders or .jsonl files.")
    List<Path> paths = List.of();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Folder of the merged results.")
    Path out;

    @Option(names = "--suite", paramLabel = "FILE.yaml",
            description = "Check the merge against this suite: same hash, and every planned trial present.")
    Path suiteFile;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
            description = "How many shards the suite ran as, for the missing list (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--rerun-script", paramLabel = "FILE",
            description = "The array.sbatch whose tasks ran the shards: missing trials name the sbatch --array=K"
                    + " command that reruns them.")
    Path rerunScript;

    @Mixin
    LockOptions lock;

    @Override
    public Integer call() throws InterruptedException {
        if (paths.isEmpty() && suiteFile == null) {
            throw new InvalidConfigurationException("no PATH to merge; give shard folders or .jsonl files, e.g."
                    + " joulebench merge results/x/shards/* --out results/x");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new InvalidConfigurationException(p + " does not exist; give shard folders or .jsonl files");
            }
        }
        TrainerRegistry registry = suiteFile == null ? null : TrainerRegistry.load();
        Suite suite = suiteFile == null ? null : SuiteLoader.load(suiteFile, registry);
        if (shards < 1) {
            throw new InvalidConfigurationException("--shards " + shards + ": at least 1");
        }
        try (OutputFolder folder = lock.open(out)) {
            ResultsStore store = new ResultsStore(folder.path());
            ShardMerge.Result r = ShardMerge.merge(paths, store, suite, suiteFile, System.err::println);
            System.out.println(String.format(Locale.ROOT, "merged %d path(s): %d record(s) read, %d added,"
                    + " %d duplicate completed record(s) not added, %d superseded failed/interrupted record(s);"
                    + " %d trial(s) in %s not completed", paths.size(), r.read(), r.added(), r.duplicates(),
                    r.notNeeded(), r.incomplete(), store.file()));
            if (suite == null) {
                return CliErrors.OK;
            }
            List<MissingTrials.Missing> missing = MissingTrials.find(suite, shards, registry, store.readAll());
            int planned = MissingTrials.planned(suite, registry);
            if (missing.isEmpty()) {
                System.out.println("complete: all " + planned + " planned trial(s) of suite '" + suite.name() + "'");
                return CliErrors.OK;
            }
            System.out.println("incomplete: " + missing.size() + " of " + planned + " planned trial(s) missing");
            MissingTrials.describe(missing, shards, rerunScript == null ? null : rerunScript.toAbsolutePath(),
                    suiteFile, out).forEach(System.out::println);
            return CliErrors.FAILED;
        }
    }
}
