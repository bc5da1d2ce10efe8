package io.joulebench.algorithms;

import java.util.Map;
import java.util.Objects;

/**
 * A named set of parameter values for one dataset, e.g. the study's as-run settings for the MF twin on
 * Fashion-MNIST.
 *
 * @param dataset the dataset id this preset is for
 */
public record Preset(String name, String dataset, String description, Map<String, String> values) {
    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(description, "description");
        values = Map.copyOf(values);
    }
}
