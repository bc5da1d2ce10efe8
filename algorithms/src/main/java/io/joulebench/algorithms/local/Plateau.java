package io.joulebench.algorithms.local;

/**
 * Early stopping on a monitored validation value: a value counts as an improvement when it beats the best so far
 * by more than {@code minDelta} (lower for {@link Mode#MIN}, higher for {@link Mode#MAX}); training stops once
 * {@code patience} epochs in a row brought no improvement.
 */
public final class Plateau {
    /** Which direction is better. */
    public enum Mode { MIN, MAX }

    private final Mode mode;
    private final int patience;
    private final double minDelta;
    private double best;
    private int bestEpoch;
    private int epochsWithoutImprovement;

    public Plateau(Mode mode, int patience, double minDelta) {
        if (patience < 1 || minDelta < 0) {
            throw new IllegalArgumentException("patience must be >= 1 and minDelta >= 0: " + patience + ", "
                    + minDelta);
        }
        this.mode = mode;
        this.patience = patience;
        this.minDelta = minDelta;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** What one epoch's value means: whether it improved (keep these weights if restoring), whether to stop. */
    public record Decision(boolean improved, boolean stop) {
    }

    public Decision update(int epoch, double value) {
        boolean improved = mode == Mode.MIN ? value < best - minDelta : value > best + minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        return new Decision(improved, epochsWithoutImprovement >= patience);
    }

    /** The best value so far (infinite before the first update). */
    public double best() {
        return best;
    }

    /** The epoch of the last improvement, 0 if none. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
