package io.joulebench.algorithms.bp;

import io.joulebench.algorithms.local.Plateau;

/**
 * The twins' stopping and selection rules: stop when validation loss has not improved by more than
 * {@code minDelta} for {@code patience} epochs; keep the weights of the best validation accuracy.
 */
final class EarlyStopping {
    private final Plateau loss;
    // Selection only: never stops training, so its patience is unbounded.
    private final Plateau accuracy = new Plateau(Plateau.Mode.MAX, Integer.MAX_VALUE, 0);

    EarlyStopping(int patience, double minDelta) {
        this.loss = new Plateau(Plateau.Mode.MIN, patience, minDelta);
    }

    /** What one epoch's validation means for training. */
    record Decision(boolean newBestAccuracy, boolean stop) {
    }

    Decision update(int epoch, double validationLoss, double validationAccuracy) {
        boolean stop = loss.update(epoch, validationLoss).stop();
        return new Decision(accuracy.update(epoch, validationAccuracy).improved(), stop);
    }

    int bestAccuracyEpoch() {
        return accuracy.bestEpoch();
    }
}
