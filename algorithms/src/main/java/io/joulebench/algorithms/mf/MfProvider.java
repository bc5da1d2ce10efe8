package io.joulebench.algorithms.mf;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.HIDDEN;
import static io.joulebench.algorithms.TrainerParameters.LR;
import static io.joulebench.algorithms.TrainerParameters.MIN_DELTA;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;

import io.joulebench.algorithms.Param;
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
    static final Param<String> SCHEDULE = Param.text("schedule");
    static final Param<Boolean> CACHE_FROZEN = Param.flag("cache-frozen");

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
                ParameterSpec.intList(HIDDEN, "1000,1000", 1, 1_000_000, "hidden layer widths"),
                ParameterSpec.number(LR, 3.8731e-4, 1e-8, 10, "Adam learning rate (weight decay 0)"),
                ParameterSpec.choice(SCHEDULE, MfTrainer.SEQUENTIAL,
                        List.of(MfTrainer.SEQUENTIAL, MfTrainer.SIMULTANEOUS),
                        "sequential: layer by layer, each to its own early stop (the study's); simultaneous: every"
                                + " layer steps on its own loss every batch"),
                ParameterSpec.integer(EPOCHS, 12, 1, 100_000, "most epochs of each layer's stage (sequential:"
                        + " the study's epochs_per_layer) or of the whole run (simultaneous)"),
                ParameterSpec.integer(PATIENCE, 10, 1, 100_000,
                        "epochs without validation cross-entropy improvement before a stage stops"),
                ParameterSpec.number(MIN_DELTA, 1e-4, 0, 1e9,
                        "smallest validation cross-entropy decrease that counts as an improvement"),
                ParameterSpec.integer(BATCH_SIZE, 128, 1, 65_536,
                        "training batch size (validation and test use twice this)"),
                ParameterSpec.flag(CACHE_FROZEN, true, "sequential: compute frozen layers' outputs once per stage"
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
                Map.ofEntries(HIDDEN.is(hidden), LR.is(lr), EPOCHS.is(epochsPerLayer), PATIENCE.is(patience),
                        MIN_DELTA.is("1e-4"), BATCH_SIZE.is(128), SCHEDULE.is(MfTrainer.SEQUENTIAL)));
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
