package io.joulebench.algorithms.loop;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.local.Plateau;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one epoch loop under every trainer: per epoch, listener start, the stage's training, its validation, the
 * stopping rule, best-accuracy selection, the epoch's figures to the listener; at the end the kept weights and the
 * stage's stop reason. A staged trainer (MF layer by layer, CaFo's predictors) runs it once per stage on one
 * {@link Progress}. What an epoch trains and how a model is scored stay with the trainer.
 */
public final class EpochLoop {
    private EpochLoop() {
    }

    /** What a stage does each epoch; it adds its samples and FLOPs to the trial's {@link Progress} as it goes. */
    public interface Stage {
        /** Trains one epoch (1-based) and returns its mean training loss and diagnostics. */
        Trained train(int epoch);

        /** Scores the model on the validation split after the epoch; may add diagnostics to {@code epoch}. */
        Evaluation validate(Trained epoch);
    }

    /**
     * One epoch's training figures.
     *
     * @param extra diagnostics for the listener (per-layer losses, learning rates); mutable, in insertion order
     */
    public record Trained(double meanLoss, Map<String, Double> extra) {
        public static Trained of(double meanLoss) {
            return new Trained(meanLoss, new LinkedHashMap<>());
        }
    }

    /**
     * How a stage ended.
     *
     * @param keptEpoch the epoch whose weights the stage left behind (its last, or its best), 0 if none
     */
    public record Outcome(int epochs, int keptEpoch, String reason) {
    }

    /**
     * Runs a stage for at most {@code maxEpochs} epochs under {@code rule}. With {@link StopRule.Keep#BEST_ACCURACY}
     * the weights of the best validation accuracy are restored when the stage ends ({@code weights} may be null
     * otherwise).
     */
    public static Outcome run(String stage, int maxEpochs, StopRule rule, Stage work, Weights weights,
                              Progress progress, TrainingListener listener) {
        Plateau stopping = switch (rule.monitor()) {
            case LOSS -> new Plateau(Plateau.Mode.MIN, rule.patience(), rule.minDelta());
            case ACCURACY -> new Plateau(Plateau.Mode.MAX, rule.patience(), rule.minDelta());
            case NONE -> null;
        };
        boolean selecting = rule.keep() == StopRule.Keep.BEST_ACCURACY;
        // Selection never stops training; it counts any improvement unless accuracy is also the stop figure.
        Plateau selection = !selecting ? null : rule.monitor() == StopRule.Monitor.ACCURACY ? stopping
                : new Plateau(Plateau.Mode.MAX, Integer.MAX_VALUE, 0);
        String reason = rule.finishedReason(maxEpochs);
        int epoch = 0;
        while (epoch < maxEpochs) {
            epoch++;
            listener.onEpochStart(new EpochStart(stage, epoch, maxEpochs));
            Trained trained = work.train(epoch);
            Evaluation val = work.validate(trained);
            boolean stop = false;
            if (stopping != null) {
                Plateau.Decision d = stopping.update(epoch, rule.monitor() == StopRule.Monitor.LOSS ? val.loss()
                        : val.accuracy());
                stop = d.stop();
                if (selection == stopping && d.improved()) {
                    weights.keep();
                }
            }
            if (selection != null && selection != stopping && selection.update(epoch, val.accuracy()).improved()) {
                weights.keep();
            }
            listener.onEpochEnd(new EpochStats(stage, epoch, trained.meanLoss(), val.loss(), val.accuracy(),
                    progress.samplesSeen(), progress.dataPasses(), progress.flops(), trained.extra()));
            if (stop) {
                reason = rule.earlyStopReason();
                break;
            }
        }
        int kept = epoch;
        if (selecting) {
            kept = selection.bestEpoch();
            if (kept > 0) {
                weights.restore();
            }
        }
        Outcome outcome = new Outcome(epoch, kept, reason);
        progress.stageEnded(stage, outcome);
        return outcome;
    }
}
