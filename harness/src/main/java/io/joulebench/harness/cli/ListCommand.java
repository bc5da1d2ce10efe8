package io.joulebench.harness.cli;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.DataLocator;
import io.joulebench.algorithms.data.DatasetException;
import io.joulebench.algorithms.data.DatasetInfo;
import io.joulebench.algorithms.data.Datasets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code joulebench list trainers|datasets}. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the trainers (with parameters and presets) or the datasets (with where they were"
                + " found).")
final class ListCommand implements Callable<Integer> {
    enum What { trainers, datasets }

    @Parameters(paramLabel = "WHAT", description = "trainers or datasets")
    What what;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Also look for datasets here first.")
    Path dataDir;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (what == What.trainers) {
            for (TrainerProvider p : TrainerRegistry.load().all()) {
                printTrainer(out, p);
            }
        } else {
            DataLocator locator = DataLocator.standard(dataDir, System.getenv(),
                    Path.of(System.getProperty("user.home")));
            for (DatasetInfo info : Datasets.all()) {
                out.println(info.id() + "  " + info.shape() + ", " + info.numClasses() + " classes");
                out.println("    " + info.description());
                out.println("    " + where(info, locator));
            }
        }
        return CliErrors.OK;
    }

    private static void printTrainer(PrintStream out, TrainerProvider p) {
        out.println(p.id() + (p.availability().available() ? "" : "  [unavailable: " + p.availability().reason()
                + "]"));
        out.println("    " + p.description());
        out.println("    parameters:");
        for (ParameterSpec s : p.parameters()) {
            String range = s.rangeText();
            out.println("      " + s.name() + " (" + s.type().label() + (range.isEmpty() ? "" : " " + range)
                    + (s.defaultValue().isEmpty() ? ", required" : ", default " + s.defaultValue()) + "): " + s.description());
        }
        if (!p.presets().isEmpty()) {
            out.println("    presets:");
            for (Preset preset : p.presets()) {
                out.println("      " + preset.name() + " @ " + preset.dataset() + ": " + preset.description());
            }
        }
        out.println();
    }

    private static String where(DatasetInfo info, DataLocator locator) {
        if (info.id().equals(Datasets.FASHION_MNIST_SUBSET)) {
            return "found: embedded in the jar";
        }
        try {
            return "found: " + Datasets.locate(info.id(), locator);
        } catch (DatasetException e) {
            return "not found: " + e.getMessage();
        }
    }
}
