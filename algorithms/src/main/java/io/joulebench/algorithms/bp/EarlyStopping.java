package io.joulebench.algorithms.bp;

/**
 * The twins' stopping and selection rules: stop when validation loss has not improved by more than
 * {@code minDelta} for {@code patience} epochs; keep the weights of the best validation accuracy.
 */
final class EarlyStopping {
    private final int patience;
    private final double minDelta;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double bestAccuracy = Double.NEGATIVE_INFINITY;
    private int bestAccuracyEpoch;
    private int epochsWithoutImprovement;

    EarlyStopping(int patience, double minDelta) {
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** What one epoch's validation means for training. */
    record Decision(boolean newBestAccuracy, boolean stop) {
    }

    Decision update(int epoch, double validationLoss, double validationAccuracy) {
        if (validationLoss < bestLoss - minDelta) {
            bestLoss = validationLoss;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        boolean newBest = validationAccuracy > bestAccuracy;
        if (newBest) {
            bestAccuracy = validationAccuracy;
            bestAccuracyEpoch = epoch;
        }
        return new Decision(newBest, epochsWithoutImprovement >= patience);
    }

    int bestAccuracyEpoch() {
        return bestAccuracyEpoch;
    }
}
