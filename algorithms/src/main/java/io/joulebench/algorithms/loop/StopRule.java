package io.joulebench.algorithms.loop;

/**
 * When a stage stops early and which weights it keeps. Stop: once {@code patience} epochs in a row have not
 * improved the monitored validation figure by more than {@code minDelta}. Keep: the final weights, or those of
 * the best validation accuracy (restored when the stage ends).
 *
 * @param monitored what the rule watches, as the stop reason names it (e.g. "validation loss")
 * @param fixedReason for stages that never stop early, the whole stop reason; null otherwise
 */
public record StopRule(Monitor monitor, String monitored, int patience, double minDelta, Keep keep,
                       String fixedReason) {

    /** The validation figure the rule watches. */
    public enum Monitor { LOSS, ACCURACY, NONE }

    /** Which weights the stage leaves behind. */
    public enum Keep {
        FINAL,
        /** The best validation accuracy so far (any improvement, or by more than min-delta when it is monitored). */
        BEST_ACCURACY
    }

    /** Stop on validation loss. */
    public static StopRule onLoss(int patience, double minDelta, Keep keep) {
        return new StopRule(Monitor.LOSS, "validation loss", patience, minDelta, keep, null);
    }

    /** Stop on validation accuracy. */
    public static StopRule onAccuracy(int patience, double minDelta, Keep keep) {
        return new StopRule(Monitor.ACCURACY, "validation accuracy", patience, minDelta, keep, null);
    }

    /** Every epoch up to the maximum runs, and the stage ends with {@code reason} (e.g. "closed-form least squares"). */
    public static StopRule fixed(String reason) {
        return new StopRule(Monitor.NONE, "", Integer.MAX_VALUE, 0, Keep.FINAL, reason);
    }

    /** The same rule, naming its monitored figure differently in the stop reason. */
    public StopRule describedAs(String newMonitored) {
        return new StopRule(monitor, newMonitored, patience, minDelta, keep, fixedReason);
    }

    String earlyStopReason() {
        return "early-stop (" + monitored + ", patience " + patience + ")";
    }

    String finishedReason(int maxEpochs) {
        return fixedReason != null ? fixedReason : "max-epochs (" + maxEpochs + ")";
    }
}
