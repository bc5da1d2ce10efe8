package io.joulebench.algorithms.ff;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.HIDDEN;
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

/** {@code ff}: Forward-Forward with peer normalisation and a downstream classifier (spec/algorithms.md). */
public final class FfProvider implements TrainerProvider {
    public static final String ID = "ff";
    public static final String STUDY = "study";
    static final Param<String> OPTIMIZER = Param.text("optimizer");
    static final Param<Double> LR_FF = Param.number("lr-ff");
    static final Param<Double> WD_FF = Param.number("wd-ff");
    static final Param<Double> LR_DS = Param.number("lr-ds");
    static final Param<Double> WD_DS = Param.number("wd-ds");
    static final Param<Double> MOMENTUM = Param.number("momentum");
    static final Param<Double> PEER_WEIGHT = Param.number("peer-weight");
    static final Param<String> INFERENCE = Param.text("inference");
    static final String ADAMW = "adamw";
    static final String SGD = "sgd";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Forward-Forward: every layer separates positive (true label embedded) from negative (wrong label)"
                + " rows by goodness, with peer normalisation; C-pass goodness inference (or the neutral-label"
                + " classifier variant); early stopping on validation accuracy";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.intList(HIDDEN, "2000,2000,2000,2000", 1, 1_000_000,
                        "hidden layer widths (at least 2)"),
                ParameterSpec.choice(OPTIMIZER, ADAMW, List.of(ADAMW, SGD),
                        "AdamW (decoupled decay) or SGD with momentum (L2 decay), both with PyTorch semantics"),
                ParameterSpec.number(LR_FF, 3.7222e-4, 1e-8, 10, "learning rate of the FF layers"),
                ParameterSpec.number(WD_FF, 3.5836e-4, 0, 1, "weight decay of the FF layers"),
                ParameterSpec.number(LR_DS, 1.1120e-2, 1e-8, 10, "learning rate of the downstream classifier"),
                ParameterSpec.number(WD_DS, 5.1200e-3, 0, 1, "weight decay of the downstream classifier"),
                ParameterSpec.number(MOMENTUM, 0.9, 0, 0.999, "SGD momentum (ignored by AdamW)"),
                ParameterSpec.integer(EPOCHS, 100, 1, 100_000,
                        "most epochs; also T of the learning-rate schedule"),
                ParameterSpec.integer(PATIENCE, 20, 1, 100_000,
                        "epochs without validation-accuracy improvement before stopping"),
                ParameterSpec.number(MIN_DELTA, 0.01, 0, 100,
                        "smallest validation-accuracy gain, in percentage points, that counts as an improvement"),
                ParameterSpec.integer(BATCH_SIZE, 100, 1, 65_536,
                        "training batch size in samples (2x rows: positive and negative; evaluation uses twice)"),
                ParameterSpec.number(PEER_WEIGHT, 0.03, 0, 100, "weight of the peer-normalisation loss"),
                ParameterSpec.choice(INFERENCE, FfTrainer.GOODNESS, List.of(FfTrainer.GOODNESS,
                        FfTrainer.CLASSIFIER), "goodness: C forward passes, sum of squares over layers >= 2 (the"
                        + " study's); classifier: the linear classifier on a neutral-label pass (loeweX variant)"));
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                study(STUDY, Datasets.MNIST, "1000,1000,1000", ADAMW, "4.7591e-4", "4.1691e-4", "1.0728e-2",
                        "6.1527e-3"),
                study("study-sgd", Datasets.MNIST, "1000,1000,1000", SGD, "1.9076e-3", "5.2291e-4", "3.2350e-2",
                        "4.7668e-3"),
                study("study-4x2000", Datasets.MNIST, "2000,2000,2000,2000", ADAMW, "5.2535e-4", "4.2278e-4",
                        "2.7076e-3", "3.5731e-3"),
                study(STUDY, Datasets.FASHION_MNIST, "2000,2000,2000,2000", ADAMW, "3.7222e-4", "3.5836e-4",
                        "1.1120e-2", "5.1200e-3"));
    }

    private static Preset study(String name, String dataset, String hidden, String optimizer, String lrFf,
                                String wdFf, String lrDs, String wdDs) {
        return new Preset(name, dataset, "the study's FF on " + dataset + ": MLP " + hidden + ", " + optimizer
                + ", lr_ff " + lrFf + ", wd_ff " + wdFf + ", lr_ds " + lrDs + ", wd_ds " + wdDs,
                Map.ofEntries(HIDDEN.is(hidden), OPTIMIZER.is(optimizer), LR_FF.is(lrFf), WD_FF.is(wdFf),
                        LR_DS.is(lrDs), WD_DS.is(wdDs), EPOCHS.is(100), PATIENCE.is(20), BATCH_SIZE.is(100),
                        INFERENCE.is(FfTrainer.GOODNESS)));
    }

    @Override
    public Optional<String> defaultPreset(String dataset) {
        return presets().stream().anyMatch(p -> p.dataset().equals(dataset)) ? Optional.of(STUDY) : Optional.empty();
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return new FfTrainer(config);
    }
}
