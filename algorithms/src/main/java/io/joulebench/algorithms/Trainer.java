package io.joulebench.algorithms;

/** Trains one model for one trial. Never sees the energy meter: the harness hangs its marks on listener events. */
public interface Trainer {

    /**
     * Trains on the task's training split, selects on its validation split, and evaluates once on its test split.
     * Same task, same seed, single thread: same result.
     */
    TrainingResult train(TrainingTask task, TrainingListener listener);
}
