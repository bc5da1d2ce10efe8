package io.joulebench.harness.cli;

import io.joulebench.harness.Defaults;
import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.data.DataLocator;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.DatasetException;
import io.joulebench.algorithms.data.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/** Options shared by commands that train: where data and results live. */
final class RunOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where datasets are looked for (only there when given; else $JOULEBENCH_DATA,"
                    + " ~/.joulebench/data, /usr/share/datasets in that order).")
    Path dataDir;

    /** {@code --split-seed trial}: every trial draws its own split from its own seed. */
    static final String PER_TRIAL = "trial";

    @Option(names = "--split-seed", paramLabel = "N|trial", defaultValue = Defaults.SPLIT_SEED,
            description = "Seed of the random train/validation split, or 'trial' for a new split per trial drawn"
                    + " from the trial's seed, as the study did (default: ${DEFAULT-VALUE}).")
    String splitSeed;

    /** The split seed of a trial with this seed; a malformed option fails with a one-line usage error. */
    long splitSeedFor(long trialSeed) {
        if (PER_TRIAL.equals(splitSeed)) {
            return trialSeed;
        }
        try {
            return Long.parseLong(splitSeed.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException("--split-seed '" + splitSeed
                    + "' is neither an integer nor 'trial'; give e.g. --split-seed 42 or --split-seed trial");
        }
    }

    /**
     * Checks before anything runs that every dataset's files can be found; an explicit --data-dir must exist and
     * is the only place searched (it never falls back silently to the default places).
     */
    void checkData(Collection<String> datasetIds) {
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new DatasetException("--data-dir " + dataDir + (Files.exists(dataDir) ? " is not a folder"
                    : " does not exist") + "; give the folder holding the datasets (e.g. ~/.joulebench/data),"
                    + " or leave it out to search the default places");
        }
        DataLocator locator = locator();
        for (String id : new LinkedHashSet<>(datasetIds)) {
            if (!id.equals(Datasets.FASHION_MNIST_SUBSET)) {
                Datasets.locate(id, locator);
            }
        }
    }

    private DataLocator locator() {
        return DataLocator.standard(dataDir, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Loads a dataset by id and split seed. */
    BiFunction<String, Long, Dataset> datasetLoader() {
        return loader(dataDir);
    }

    /** Loads datasets from {@code dataDir} only when given, else from the standard places. */
    static BiFunction<String, Long, Dataset> loader(Path dataDir) {
        DataLocator locator = DataLocator.standard(dataDir, System.getenv(), Path.of(System.getProperty("user.home")));
        return (id, seed) -> Datasets.load(id, locator, seed);
    }

    /** The JouleBench checkout (set by the launcher), for the git commit in provenance. */
    static Path checkout() {
        String home = System.getenv("JOULEBENCH_HOME");
        return home == null || home.isBlank() ? null : Path.of(home);
    }
}
