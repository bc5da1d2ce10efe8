package io.joulebench.algorithms;

import io.joulebench.algorithms.data.DatasetInfo;
import java.util.List;
import java.util.Optional;

/**
 * Service provider for one training algorithm, found with {@link java.util.ServiceLoader}. Constructors must be
 * cheap: nothing native is loaded before {@link #create}.
 */
public interface TrainerProvider {

    /** Stable id used on the command line and in results, e.g. {@code bp-mlp}. */
    String id();

    String description();

    /** Every parameter the trainer takes, declared once. */
    List<ParameterSpec> parameters();

    /** Named settings per dataset (the study's as-run values among them). */
    default List<Preset> presets() {
        return List.of();
    }

    /** The preset used when none is named, if this dataset has one. */
    default Optional<String> defaultPreset(String dataset) {
        return Optional.empty();
    }

    default Availability availability() {
        return Availability.yes();
    }

    /** Whether this trainer can train on images of this shape (e.g. an MLP on anything, a CNN on images). */
    default boolean supports(DatasetInfo dataset) {
        return true;
    }

    /** A fresh trainer for one trial. */
    Trainer create(TrainerConfig config);

    /** Whether a preset of this name exists for the dataset family. */
    default boolean hasPreset(String name, String dataset) {
        return presets().stream().anyMatch(p -> p.name().equals(name) && p.dataset().equals(dataset));
    }

    /** Resolves a preset by name for a dataset, or explains what exists. */
    default Preset preset(String name, String dataset) {
        return presets().stream()
                .filter(p -> p.name().equals(name) && p.dataset().equals(dataset))
                .findFirst()
                .orElseThrow(() -> new InvalidConfigurationException("trainer '" + id() + "' has no preset '" + name
                        + "' for dataset '" + dataset + "'; available: " + presetNames(dataset)));
    }

    private String presetNames(String dataset) {
        List<String> names = presets().stream().filter(p -> p.dataset().equals(dataset)).map(Preset::name).toList();
        return names.isEmpty() ? "none for this dataset" : String.join(", ", names);
    }
}
