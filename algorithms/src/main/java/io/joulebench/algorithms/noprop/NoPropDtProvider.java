package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.data.DatasetInfo;
import java.util.List;
import java.util.Optional;

/** {@code noprop-dt}: NoProp with discrete time (Li, Teh, Pascanu 2025). */
public final class NoPropDtProvider implements TrainerProvider {
    public static final String ID = "noprop-dt";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "NoProp-DT: T conv blocks, each trained alone to denoise a label embedding (cosine schedule,"
                + " SNR-weighted loss), DDPM-style inference; one epoch is T data passes";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return NoPropParameters.specs(true);
    }

    @Override
    public List<Preset> presets() {
        return NoPropParameters.presets(true);
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
        return new NoPropDtTrainer(config);
    }
}
