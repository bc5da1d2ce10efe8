package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.data.DatasetInfo;
import io.joulebench.algorithms.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code cafo-rand} and {@code cafo-dfa} share: the predictor parameters and the preset layout. */
abstract class CafoProvider implements TrainerProvider {
    static final String STUDY = "study";
    static final List<String> FAMILIES = List.of(Datasets.MNIST, Datasets.FASHION_MNIST, Datasets.CIFAR_10,
            Datasets.CIFAR_100);

    /** The study's predictor settings for one dataset family (the CaFo table of spec/algorithms.md). */
    record PredictorSettings(String lr, String weightDecay, int epochs, int patience, String minDelta) {
        Map<String, String> values() {
            return Map.of("lr", lr, "weight-decay", weightDecay, "epochs", Integer.toString(epochs),
                    "patience", Integer.toString(patience), "min-delta", minDelta, "channels", "32,128,512",
                    "batch-size", "128", "predictor-bias", "true", "inference", "logits", "loss", "ce");
        }
    }

    /** Predictor parameters with the given (Fashion-MNIST study) defaults. */
    static List<ParameterSpec> predictorParameters(PredictorSettings d) {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.intList("channels", "32,128,512", 1, 65_536, "output channels of each conv block"));
        specs.add(ParameterSpec.integer("batch-size", 128, 1, 65_536, "training batch size, 128 as in the study"
                + " (validation and test use twice this)"));
        specs.add(ParameterSpec.number("lr", Double.parseDouble(d.lr()), 1e-8, 10, "predictor Adam learning rate"));
        specs.add(ParameterSpec.number("weight-decay", Double.parseDouble(d.weightDecay()), 0, 1,
                "predictor Adam weight decay (L2 added to the gradient, as torch.optim.Adam)"));
        specs.add(ParameterSpec.integer("epochs", d.epochs(), 1, 100_000,
                "maximum epochs of each predictor stage"));
        specs.add(ParameterSpec.integer("patience", d.patience(), 1, 100_000,
                "epochs without own validation-loss improvement before a predictor stage stops"));
        specs.add(ParameterSpec.number("min-delta", Double.parseDouble(d.minDelta()), 0, 1e9,
                "smallest validation-loss decrease that counts as an improvement"));
        specs.add(ParameterSpec.flag("predictor-bias", true, "predictors have a bias (the study) or not (the"
                + " original CaFo)"));
        specs.add(ParameterSpec.choice("loss", "ce", List.of("ce", "ls"), "predictor training: cross-entropy with"
                + " Adam, or closed-form least squares W = pinv(X) Y"));
        specs.add(ParameterSpec.choice("inference", "logits", List.of("logits", "softmax"), "cascade prediction:"
                + " argmax of the summed logits (the study) or summed softmax outputs (the original)"));
        return specs;
    }

    static Preset study(String family, String what, Map<String, String> values) {
        return new Preset(STUDY, family, "the study's " + what + " on " + family + ": " + new java.util.TreeMap<>(values),
                values);
    }

    @Override
    public Optional<String> defaultPreset(String dataset) {
        return FAMILIES.contains(dataset) ? Optional.of(STUDY) : Optional.empty();
    }

    /** Three 2x2 poolings need at least 8x8 images. */
    @Override
    public boolean supports(DatasetInfo dataset) {
        return dataset.shape().height() >= 8 && dataset.shape().width() >= 8;
    }

    abstract boolean dfa();

    @Override
    public Trainer create(TrainerConfig config) {
        return new CafoTrainer(config, dfa());
    }
}
