package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.data.DatasetInfo;
import java.util.List;
import java.util.Optional;

/** {@code bp-noprop}: the NoProp-DT architecture trained end to end by backprop (its twin). */
public final class BpNoPropProvider implements TrainerProvider {
    public static final String ID = "bp-noprop";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "backprop twin of NoProp-DT: the same T blocks run as the inference chain z_0 -> z_T,"
                + " trained end to end with cross-entropy; one epoch is one data pass";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return NoPropParameters.specs(false);
    }

    @Override
    public List<Preset> presets() {
        return NoPropParameters.presets(false);
    }

    @Override
    public Optional<String> defaultPreset(String dataset) {
        return Optional.of(NoPropParameters.PAPER);
    }

    @Override
    public boolean supports(DatasetInfo dataset) {
        return dataset.shape().height() >= 8 && dataset.shape().width() >= 8; // three 2x2 pools
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return new BpNoPropTrainer(config);
    }
}
