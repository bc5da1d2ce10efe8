package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.HIDDEN;
import static io.joulebench.algorithms.TrainerParameters.LR;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;
import static io.joulebench.algorithms.TrainerParameters.WEIGHT_DECAY;

import io.joulebench.algorithms.Param;
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

/** {@code bp-mlp}: the backprop MLP twin of MF and FF. */
public final class BpMlpProvider implements TrainerProvider {
    public static final String ID = "bp-mlp";
    static final String ENGINE_LOCAL = "local";
    static final String ENGINE_DL4J = "dl4j";
    static final Param<String> ENGINE = Param.text("engine");
    static final Param<String> OUTPUT_INIT = Param.text("output-init");
    static final String INIT_PYTORCH = "pytorch";
    static final String INIT_NORMAL = "normal-0.01";
    static final String MF_TWIN = "mf-twin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "backprop MLP (Linear+ReLU layers, AdamW, early stopping on validation loss): the twin of MF and FF";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.intList(HIDDEN, "1000,1000", 1, 1_000_000, "hidden layer widths"));
        specs.addAll(Dl4jConfigs.trainingParameters(2.1316e-4, 2.7123e-5, 10));
        specs.add(ParameterSpec.choice(OUTPUT_INIT, INIT_NORMAL, List.of(INIT_PYTORCH, INIT_NORMAL),
                "output layer init: PyTorch default, or N(0, 0.01^2) with zero bias as MF's twin"));
        specs.add(ParameterSpec.choice(ENGINE, ENGINE_LOCAL, List.of(ENGINE_LOCAL, ENGINE_DL4J),
                "local: hand-written ND4J steps, the same kernels as mf and ff (like-for-like timing);"
                        + " dl4j: DL4J's MultiLayerNetwork"));
        return specs;
    }

    @Override
    public List<Preset> presets() {
        List<Preset> presets = new ArrayList<>();
        String mf = "the study's MF twin";
        presets.add(twin(MF_TWIN, Datasets.MNIST, mf, "1000,1000", "1.9762e-4", "7.4763e-6", 10, true));
        presets.add(twin(MF_TWIN, Datasets.FASHION_MNIST, mf, "1000,1000", "2.1316e-4", "2.7123e-5", 10, true));
        presets.add(twin(MF_TWIN, Datasets.CIFAR_10, mf, "2000,2000,2000", "8.1159e-5", "2.0847e-5", 20, true));
        presets.add(twin(MF_TWIN, Datasets.CIFAR_100, mf, "2000,2000,2000", "1.0362e-4", "9.1059e-6", 5, true));
        String ff = "the study's FF twin";
        presets.add(twin("ff-twin", Datasets.MNIST, ff, "1000,1000,1000", "1.3293e-4", "7.1145e-4", 30, false));
        presets.add(twin("ff-twin-4x2000", Datasets.MNIST, ff, "2000,2000,2000,2000", "1.3293e-4", "7.1145e-4", 40,
                false));
        presets.add(twin("ff-twin", Datasets.FASHION_MNIST, ff, "2000,2000,2000,2000", "2.0406e-4", "4.1866e-6", 10,
                false));
        return presets;
    }

    private static Preset twin(String name, String dataset, String what, String hidden, String lr, String wd,
                               int patience, boolean mfInit) {
        return new Preset(name, dataset, what + " on " + dataset + ": MLP " + hidden + ", lr " + lr + ", wd " + wd
                + ", patience " + patience,
                Map.ofEntries(HIDDEN.is(hidden), LR.is(lr), WEIGHT_DECAY.is(wd), PATIENCE.is(patience),
                        BATCH_SIZE.is(128), EPOCHS.is(100), OUTPUT_INIT.is(mfInit ? INIT_NORMAL : INIT_PYTORCH)));
    }

    @Override
    public Optional<String> defaultPreset(String dataset) {
        return Optional.of(MF_TWIN);
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return config.get(ENGINE).equals(ENGINE_DL4J) ? new BpMlpTrainer(config) : new LocalMlpTrainer(config);
    }
}
