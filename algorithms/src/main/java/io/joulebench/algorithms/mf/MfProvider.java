package io.joulebench.algorithms.mf;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.data.Datasets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code mf}: Mono-Forward, per-layer projections and local cross-entropy (spec/algorithms.md). */
public final class MfProvider implements TrainerProvider {
    public static final String ID = "mf";
    public static final String STUDY = "study";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Mono-Forward: each hidden layer learns from its own projection to the classes (local cross-entropy,"
                + " Adam); layer by layer (the study's) or all layers every batch; prediction from the last layer";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.intList("hidden", "1000,1000", 1, 1_000_000, "hidden layer widths"),
                ParameterSpec.number("lr", 3.8731e-4, 1e-8, 10, "Adam learning rate (weight decay 0)"),
                ParameterSpec.choice("schedule", MfTrainer.SEQUENTIAL,
                        List.of(MfTrainer.SEQUENTIAL, MfTrainer.SIMULTANEOUS),
                        "sequential: layer by layer, each to its own early stop (the study's); simultaneous: every"
                                + " layer steps on its own loss every batch"),
                ParameterSpec.integer("epochs", 12, 1, 100_000, "most epochs of each layer's stage (sequential:"
                        + " the study's epochs_per_layer) or of the whole run (simultaneous)"),
                ParameterSpec.integer("patience", 10, 1, 100_000,
                        "epochs without validation cross-entropy improvement before a stage stops"),
                ParameterSpec.number("min-delta", 1e-4, 0, 1e9,
                        "smallest validation cross-entropy decrease that counts as an improvement"),
                ParameterSpec.integer("batch-size", 128, 1, 65_536,
                        "training batch size (validation and test use twice this)"),
                ParameterSpec.flag("cache-frozen", true, "sequential: compute frozen layers' outputs once per stage"
                        + " instead of per batch (same results; ignored for augmented datasets)"));
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                study(Datasets.MNIST, "1000,1000", "1.5703e-3", 14, 5),
                study(Datasets.FASHION_MNIST, "1000,1000", "3.8731e-4", 12, 10),
                study(Datasets.CIFAR_10, "2000,2000,2000", "3.2418e-4", 15, 4),
                study(Datasets.CIFAR_100, "2000,2000,2000", "1.7278e-4", 8, 4));
    }

    private static Preset study(String dataset, String hidden, String lr, int epochsPerLayer, int patience) {
        return new Preset(STUDY, dataset, "the study's MF on " + dataset + ": MLP " + hidden + ", Adam lr " + lr
                + ", at most " + epochsPerLayer + " epochs per layer, patience " + patience + ", sequential",
                Map.of("hidden", hidden, "lr", lr, "epochs", Integer.toString(epochsPerLayer),
                        "patience", Integer.toString(patience), "min-delta", "1e-4", "batch-size", "128",
                        "schedule", MfTrainer.SEQUENTIAL));
    }

    @Override
    public Optional<String> defaultPreset(String dataset) {
        return presets().stream().anyMatch(p -> p.dataset().equals(dataset)) ? Optional.of(STUDY) : Optional.empty();
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return new MfTrainer(config);
    }
}
