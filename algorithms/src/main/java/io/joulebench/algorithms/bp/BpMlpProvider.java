package io.joulebench.algorithms.bp;

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
        specs.add(ParameterSpec.intList("hidden", "1000,1000", 1, 1_000_000, "hidden layer widths"));
        specs.addAll(Dl4jConfigs.trainingParameters(2.1316e-4, 2.7123e-5, 10));
        specs.add(ParameterSpec.choice("output-init", "normal-0.01", List.of("pytorch", "normal-0.01"),
                "output layer init: PyTorch default, or N(0, 0.01^2) with zero bias as MF's twin"));
        specs.add(ParameterSpec.choice("engine", ENGINE_LOCAL, List.of(ENGINE_LOCAL, ENGINE_DL4J),
                "local: hand-written ND4J steps, the same kernels as mf and ff (like-for-like timing);"
                        + " dl4j: DL4J's MultiLayerNetwork"));
        return specs;
    }

    @Override
    public List<Preset> presets() {
        List<Preset> presets = new ArrayList<>();
        String mf = "the study's MF twin";
        presets.add(twin("mf-twin", Datasets.MNIST, mf, "1000,1000", "1.9762e-4", "7.4763e-6", 10, true));
        presets.add(twin("mf-twin", Datasets.FASHION_MNIST, mf, "1000,1000", "2.1316e-4", "2.7123e-5", 10, true));
        presets.add(twin("mf-twin", Datasets.CIFAR_10, mf, "2000,2000,2000", "8.1159e-5", "2.0847e-5", 20, true));
        presets.add(twin("mf-twin", Datasets.CIFAR_100, mf, "2000,2000,2000", "1.0362e-4", "9.1059e-6", 5, true));
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
                Map.of("hidden", hidden, "lr", lr, "weight-decay", wd, "patience", Integer.toString(patience),
                        "batch-size", "128", "epochs", "100", "output-init", mfInit ? "normal-0.01" : "pytorch"));
    }

    @Override
    public Optional<String> defaultPreset(String dataset) {
        return Optional.of("mf-twin");
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return config.getString("engine").equals(ENGINE_DL4J) ? new BpMlpTrainer(config) : new LocalMlpTrainer(config);
    }
}
