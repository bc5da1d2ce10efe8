package io.joulebench.algorithms;

/**
 * An epoch is about to start.
 *
 * @param stage which part of training (e.g. {@code main}, {@code layer-2}, {@code predictor-1})
 * @param epoch 1-based epoch number within the stage
 * @param maxEpochs the most epochs this stage may run
 */
public record EpochStart(String stage, int epoch, int maxEpochs) {
}
