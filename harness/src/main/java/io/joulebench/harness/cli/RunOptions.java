package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.data.DataLocator;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.Datasets;
import java.nio.file.Path;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/** Options shared by commands that train: where data and results live. */
final class RunOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where datasets are looked for first (then $JOULEBENCH_DATA, ~/.joulebench/data,"
                    + " /usr/share/datasets).")
    Path dataDir;

    /** {@code --split-seed trial}: every trial draws its own split from its own seed. */
    static final String PER_TRIAL = "trial";

    @Option(names = "--split-seed", paramLabel = "N|trial", defaultValue = "42",
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

    /** Loads a dataset by id and split seed. */
    BiFunction<String, Long, Dataset> datasetLoader() {
        return loader(dataDir);
    }

    /** Loads datasets from {@code dataDir} first (null: the standard places only). */
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
