package io.joulebench.harness.cli;

import io.joulebench.algorithms.data.DataLocator;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.Datasets;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Options shared by commands that train: where data and results live. */
final class RunOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where datasets are looked for first (then $JOULEBENCH_DATA, ~/.joulebench/data,"
                    + " /usr/share/datasets).")
    Path dataDir;

    @Option(names = "--split-seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the random train/validation split (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    Function<String, Dataset> datasetLoader() {
        DataLocator locator = DataLocator.standard(dataDir, System.getenv(), Path.of(System.getProperty("user.home")));
        return id -> Datasets.load(id, locator, splitSeed);
    }

    /** The JouleBench checkout (set by the launcher), for the git commit in provenance. */
    static Path checkout() {
        String home = System.getenv("JOULEBENCH_HOME");
        return home == null || home.isBlank() ? null : Path.of(home);
    }
}
