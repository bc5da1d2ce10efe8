package io.joulebench.algorithms.cafo;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.CHANNELS;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.LR;
import static io.joulebench.algorithms.TrainerParameters.MIN_DELTA;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;
import static io.joulebench.algorithms.TrainerParameters.WEIGHT_DECAY;

import io.joulebench.algorithms.Param;
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
    static final Param<Boolean> PREDICTOR_BIAS = Param.flag("predictor-bias");
    static final Param<String> LOSS = Param.text("loss");
    static final Param<String> INFERENCE = Param.text("inference");
    static final String CROSS_ENTROPY = "ce";
    static final String LEAST_SQUARES = "ls";
    static final List<String> FAMILIES = List.of(Datasets.MNIST, Datasets.FASHION_MNIST, Datasets.CIFAR_10,
            Datasets.CIFAR_100);

    /** The study's predictor settings for one dataset family (the CaFo table of spec/algorithms.md). */
    record PredictorSettings(String lr, String weightDecay, int epochs, int patience, String minDelta) {
        Map<String, String> values() {
            return Map.ofEntries(LR.is(lr), WEIGHT_DECAY.is(weightDecay), EPOCHS.is(epochs), PATIENCE.is(patience),
                    MIN_DELTA.is(minDelta), CHANNELS.is("32,128,512"), BATCH_SIZE.is(128), PREDICTOR_BIAS.is(true),
                    INFERENCE.is(Inference.LOGITS.id), LOSS.is(CROSS_ENTROPY));
        }
    }

    /** Predictor parameters with the given (Fashion-MNIST study) defaults. */
    static List<ParameterSpec> predictorParameters(PredictorSettings d) {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.intList(CHANNELS, "32,128,512", 1, 65_536, "output channels of each conv block"));
        specs.add(ParameterSpec.integer(BATCH_SIZE, 128, 1, 65_536, "training batch size, 128 as in the study"
                + " (validation and test use twice this)"));
        specs.add(ParameterSpec.number(LR, Double.parseDouble(d.lr()), 1e-8, 10, "predictor Adam learning rate"));
        specs.add(ParameterSpec.number(WEIGHT_DECAY, Double.parseDouble(d.weightDecay()), 0, 1,
                "predictor Adam weight decay (L2 added to the gradient, as torch.optim.Adam)"));
        specs.add(ParameterSpec.integer(EPOCHS, d.epochs(), 1, 100_000,
                "maximum epochs of each predictor stage"));
        specs.add(ParameterSpec.integer(PATIENCE, d.patience(), 1, 100_000,
                "epochs without own validation-loss improvement before a predictor stage stops"));
        specs.add(ParameterSpec.number(MIN_DELTA, Double.parseDouble(d.minDelta()), 0, 1e9,
                "smallest validation-loss decrease that counts as an improvement"));
        specs.add(ParameterSpec.flag(PREDICTOR_BIAS, true, "predictors have a bias (the study) or not (the"
                + " original CaFo)"));
        specs.add(ParameterSpec.choice(LOSS, CROSS_ENTROPY, List.of(CROSS_ENTROPY, LEAST_SQUARES), "predictor training: cross-entropy with"
                + " Adam, or closed-form least squares W = pinv(X) Y"));
        specs.add(ParameterSpec.choice(INFERENCE, Inference.LOGITS.id, List.of(Inference.LOGITS.id, Inference.SOFTMAX.id), "cascade prediction:"
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
