package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.LR;
import static io.joulebench.algorithms.TrainerParameters.MIN_DELTA;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;
import static io.joulebench.algorithms.TrainerParameters.WEIGHT_DECAY;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.TrainerConfig;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/** What every BP twin shares: its declared training parameters and the AdamW configuration. */
final class Dl4jConfigs {
    private Dl4jConfigs() {
    }

    /** Parameters common to both twins; defaults are the study's Fashion-MNIST MF-twin values. */
    static List<ParameterSpec> trainingParameters(double lr, double weightDecay, int patience) {
        return List.of(
                ParameterSpec.number(LR, lr, 1e-8, 10, "AdamW learning rate"),
                ParameterSpec.number(WEIGHT_DECAY, weightDecay, 0, 1, "AdamW decoupled weight decay"),
                ParameterSpec.integer(BATCH_SIZE, 128, 1, 65_536, "training batch size (validation and test use"
                        + " twice this)"),
                ParameterSpec.integer(EPOCHS, 100, 1, 100_000, "maximum number of epochs"),
                ParameterSpec.integer(PATIENCE, patience, 1, 100_000, "epochs without validation-loss"
                        + " improvement before stopping"),
                ParameterSpec.number(MIN_DELTA, 0, 0, 1e9, "smallest validation-loss decrease that counts as an"
                        + " improvement"));
    }

    /**
     * Adam with decoupled weight decay on weights and biases (PyTorch AdamW semantics: the decay is applied after
     * the Adam step and scaled by the learning rate).
     */
    static NeuralNetConfiguration.Builder adamW(TrainerConfig config) {
        double lr = config.get(LR);
        double wd = config.get(WEIGHT_DECAY);
        return new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .updater(new Adam(lr, 0.9, 0.999, 1e-8))
                .weightDecay(wd, true)
                .weightDecayBias(wd, true)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    }
}
