package io.joulebench.harness.trial;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.DatasetInfo;
import io.joulebench.algorithms.data.Datasets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One planned trial with its configuration resolved and validated before anything trains: defaults, then the
 * preset (named, or the trainer's default for the dataset), then explicit overrides.
 */
public record TrialPlan(TrainerProvider provider, TrialSpec spec, TrainerConfig config) {

    /** Resolves and validates; throws with a clear message for an unknown trainer, preset, parameter or value. */
    public static TrialPlan resolve(TrainerRegistry registry, String trainerId, String datasetId, String presetName,
                                    Map<String, String> overrides, long seed, long splitSeed) {
        TrainerProvider provider = registry.get(trainerId);
        if (!provider.availability().available()) {
            throw new InvalidConfigurationException("trainer '" + trainerId + "' is unavailable here: "
                    + provider.availability().reason());
        }
        DatasetInfo info = Datasets.info(datasetId);
        if (!provider.supports(info)) {
            throw new InvalidConfigurationException("trainer '" + trainerId + "' cannot train on dataset '"
                    + datasetId + "' (" + info.shape() + " images)");
        }
        // A named preset must exist; the trainer's default applies only where it has one for this dataset.
        String preset = presetName != null ? presetName
                : provider.defaultPreset(info.family()).filter(n -> provider.hasPreset(n, info.family())).orElse(null);
        Map<String, String> presetValues = preset == null ? Map.of() : provider.preset(preset, info.family()).values();
        TrainerConfig config = TrainerConfig.resolve(provider, presetValues, overrides);
        TrialSpec spec = new TrialSpec(trainerId, datasetId, preset, seed, splitSeed,
                new LinkedHashMap<>(config.asStrings()));
        return new TrialPlan(provider, spec, config);
    }

    /** One plan per seed, sharing everything else. */
    public static List<TrialPlan> forSeeds(TrainerRegistry registry, String trainerId, String datasetId,
                                           String presetName, Map<String, String> overrides, List<Long> seeds,
                                           long splitSeed) {
        return seeds.stream()
                .map(s -> resolve(registry, trainerId, datasetId, presetName, overrides, s, splitSeed))
                .toList();
    }
}
