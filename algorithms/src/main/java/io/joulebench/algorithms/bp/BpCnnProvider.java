package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.CHANNELS;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.LR;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;
import static io.joulebench.algorithms.TrainerParameters.WEIGHT_DECAY;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code bp-cnn}: the backprop twin of CaFo's three-block CNN. */
public final class BpCnnProvider implements TrainerProvider {
    public static final String ID = "bp-cnn";
    static final String CAFO_TWIN = "cafo-twin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "backprop CNN (CaFo's three conv blocks + Linear, AdamW, early stopping on validation loss): the twin"
                + " of CaFo";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.intList(CHANNELS, "32,128,512", 1, 65_536, "output channels of each conv block"));
        specs.addAll(Dl4jConfigs.trainingParameters(5.6409e-4, 8.5971e-6, 10));
        specs.add(ParameterSpec.choice(BpMlpProvider.ENGINE, BpMlpProvider.ENGINE_LOCAL,
                List.of(BpMlpProvider.ENGINE_LOCAL, BpMlpProvider.ENGINE_DL4J),
                "local: hand-written kernels, CaFo's own conv blocks (like-for-like timing); dl4j: DL4J's"
                        + " MultiLayerNetwork"));
        return specs;
    }

    @Override
    public List<Preset> presets() {
        List<Preset> presets = new ArrayList<>();
        presets.add(twin(Datasets.MNIST, "1.5703e-3", "6.2514e-5", 10));
        presets.add(twin(Datasets.FASHION_MNIST, "5.6409e-4", "8.5971e-6", 10));
        presets.add(twin(Datasets.CIFAR_10, "6.7629e-3", "4.7418e-6", 40));
        presets.add(twin(Datasets.CIFAR_100, "3.2012e-4", "5.8804e-5", 20));
        return presets;
    }

    private static Preset twin(String dataset, String lr, String wd, int patience) {
        return new Preset(CAFO_TWIN, dataset, "the study's CaFo twin on " + dataset + ": lr " + lr + ", wd " + wd
                + ", patience " + patience,
                Map.ofEntries(CHANNELS.is("32,128,512"), LR.is(lr), WEIGHT_DECAY.is(wd), PATIENCE.is(patience),
                        BATCH_SIZE.is(128), EPOCHS.is(100)));
    }

    @Override
    public Optional<String> defaultPreset(String dataset) {
        return Optional.of(CAFO_TWIN);
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return config.get(BpMlpProvider.ENGINE).equals(BpMlpProvider.ENGINE_DL4J) ? new BpCnnTrainer(config)
                : new LocalCnnTrainer(config);
    }
}
