package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Preset;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.data.DatasetInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code noprop-dt} and its twin {@code bp-noprop} share: the parameters and presets of one architecture
 * (with or without the denoising-only settings), the datasets it fits, and the default preset.
 */
abstract class NoPropProvider implements TrainerProvider {
    private final String id;
    private final String description;
    private final boolean denoising;
    private final Function<TrainerConfig, Trainer> trainer;

    NoPropProvider(String id, String description, boolean denoising, Function<TrainerConfig, Trainer> trainer) {
        this.id = id;
        this.description = description;
        this.denoising = denoising;
        this.trainer = trainer;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return NoPropParameters.specs(denoising);
    }

    @Override
    public List<Preset> presets() {
        return NoPropParameters.presets(denoising);
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
        return trainer.apply(config);
    }
}
