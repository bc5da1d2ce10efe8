package io.joulebench.algorithms;

import java.util.Map;
import java.util.Objects;

/**
 * What one finished epoch achieved. Boxed values are null when the trainer did not compute them (never 0).
 *
 * @param stage which part of training the epoch belongs to
 * @param epoch 1-based epoch number within the stage
 * @param trainLoss mean training loss over the epoch's batches
 * @param validationLoss mean validation loss after the epoch, or null
 * @param validationAccuracy validation accuracy in [0, 1] after the epoch, or null
 * @param samplesSeen training samples processed so far in the whole trial
 * @param dataPasses samplesSeen divided by the training-set size
 * @param flops estimated floating-point operations so far in the whole trial, or null
 * @param extra further named per-epoch values (e.g. per-layer losses)
 */
public record EpochStats(String stage, int epoch, double trainLoss, Double validationLoss, Double validationAccuracy,
                         long samplesSeen, double dataPasses, Double flops, Map<String, Double> extra) {
    public EpochStats {
        Objects.requireNonNull(stage, "stage");
        extra = Map.copyOf(extra);
    }
}
