package io.joulebench.algorithms;

import io.joulebench.algorithms.data.Dataset;
import java.util.Objects;

/** What one trial trains on: the data, the validated configuration and the seed for every random choice. */
public record TrainingTask(Dataset dataset, TrainerConfig config, long seed) {
    public TrainingTask {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(config, "config");
    }
}
