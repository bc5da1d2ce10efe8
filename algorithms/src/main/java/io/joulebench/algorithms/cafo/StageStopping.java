package io.joulebench.algorithms.cafo;

/**
 * Early stopping of one predictor stage on its own validation loss: stop once the loss has not decreased by more
 * than {@code minDelta} below the best so far for {@code patience} epochs in a row. No weights are restored.
 */
final class StageStopping {
    private final int patience;
    private final double minDelta;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int stale;

    StageStopping(int patience, double minDelta) {
        if (patience < 1 || minDelta < 0) {
            throw new IllegalArgumentException("patience must be >= 1 and min delta >= 0, got " + patience + ", "
                    + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Records one epoch's validation loss; true when the stage should stop now. */
    boolean update(int epoch, double validationLoss) {
        if (validationLoss < best - minDelta) {
            best = validationLoss;
            bestEpoch = epoch;
            stale = 0;
        } else {
            stale++;
        }
        return stale >= patience;
    }

    /** The epoch of the lowest validation loss that counted as an improvement (0 before any). */
    int bestEpoch() {
        return bestEpoch;
    }
}
