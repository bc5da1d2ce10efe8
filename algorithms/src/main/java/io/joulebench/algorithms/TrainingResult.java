package io.joulebench.algorithms;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one trial's training.
 *
 * @param testAccuracy accuracy in [0, 1] on the test split with the selected weights
 * @param testLoss mean test cross-entropy, or null where the model gives no probabilities
 * @param epochsRun epochs actually run, over all stages
 * @param epochsPerStage epochs run in each stage, in order
 * @param bestEpoch the epoch whose weights were kept (1-based; stage-local for staged trainers), or 0 if none
 * @param stopReason why training ended, e.g. {@code early-stop (patience 10)} or {@code max-epochs}
 * @param samplesSeen training samples processed
 * @param flops estimated floating-point operations of training, or null
 * @param facts what the trainer reports about where it ran (an external trainer's command, framework versions,
 *              device); empty for the JVM's own trainers, whose facts the harness collects itself
 */
public record TrainingResult(double testAccuracy, Double testLoss, int epochsRun, Map<String, Integer> epochsPerStage,
                             int bestEpoch, String stopReason, long samplesSeen, Double flops,
                             Map<String, String> facts) {
    public TrainingResult {
        Objects.requireNonNull(stopReason, "stopReason");
        epochsPerStage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(epochsPerStage));
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(facts));
    }

    public TrainingResult(double testAccuracy, Double testLoss, int epochsRun, Map<String, Integer> epochsPerStage,
                          int bestEpoch, String stopReason, long samplesSeen, Double flops) {
        this(testAccuracy, testLoss, epochsRun, epochsPerStage, bestEpoch, stopReason, samplesSeen, flops, Map.of());
    }
}
