package io.joulebench.algorithms;

/** Receives a trainer's progress. Called on the training thread; implementations must be quick. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    default void onEpochStart(EpochStart start) {
    }

    default void onEpochEnd(EpochStats stats) {
    }

    /** Training is over and the test evaluation begins (excluded from the training window). */
    default void onTestStart() {
    }
}
