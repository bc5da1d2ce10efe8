package io.joulebench.algorithms.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loop's rules on scripted validation figures: stopping, selection, restore, reasons and accounting. */
class EpochLoopTest {

    /** A stage whose epoch e trains 10 samples at 5 FLOPs and validates to the e-th scripted (loss, accuracy). */
    private static final class Scripted implements EpochLoop.Stage, Weights {
        final double[] losses;
        final double[] accuracies;
        final Progress progress;
        int epoch;
        int kept = -1;
        int restored = -1;

        Scripted(Progress progress, double[] losses, double[] accuracies) {
            this.progress = progress;
            this.losses = losses;
            this.accuracies = accuracies;
        }

        @Override
        public EpochLoop.Trained train(int e) {
            epoch = e;
            progress.trained(10);
            progress.counted(5);
            return EpochLoop.Trained.of(1.0 / e);
        }

        @Override
        public Evaluation validate(EpochLoop.Trained trained) {
            trained.extra().put("scripted", (double) epoch);
            return new Evaluation(losses[epoch - 1], accuracies[epoch - 1]);
        }

        @Override
        public void keep() {
            kept = epoch;
        }

        @Override
        public void restore() {
            restored = kept;
        }
    }

    private static final class Recorder implements TrainingListener {
        final List<EpochStart> starts = new ArrayList<>();
        final List<EpochStats> ends = new ArrayList<>();

        @Override
        public void onEpochStart(EpochStart start) {
            starts.add(start);
        }

        @Override
        public void onEpochEnd(EpochStats stats) {
            ends.add(stats);
        }
    }

    @Test
    void stopsAfterPatienceEpochsWithoutLossImprovementAndRestoresTheBestAccuracy() {
        Progress progress = new Progress(20);
        Scripted stage = new Scripted(progress, new double[] {1.0, 1.0, 1.1, 0.5}, new double[] {0.5, 0.6, 0.4, 0.9});
        Recorder listener = new Recorder();
        EpochLoop.Outcome o = EpochLoop.run("main", 10, StopRule.onLoss(2, 0, StopRule.Keep.BEST_ACCURACY), stage,
                stage, progress, listener);
        // Equal loss is no improvement (min delta 0): epochs 2 and 3 exhaust the patience.
        assertEquals(new EpochLoop.Outcome(3, 2, "early-stop (validation loss, patience 2)"), o);
        assertEquals(2, stage.restored, "the best accuracy's weights are put back");
        assertEquals(List.of(new EpochStart("main", 1, 10), new EpochStart("main", 2, 10),
                new EpochStart("main", 3, 10)), listener.starts);
        EpochStats last = listener.ends.get(2);
        assertEquals(30, last.samplesSeen());
        assertEquals(1.5, last.dataPasses());
        assertEquals(15.0, last.flops());
        assertEquals(Map.of("scripted", 3.0), last.extra());
        assertEquals(1.1, last.validationLoss());
    }

    @Test
    void minDeltaAppliesAndAnImprovementResetsPatience() {
        Progress progress = new Progress(10);
        Scripted stage = new Scripted(progress, new double[] {1.0, 0.95, 0.8, 0.79, 0.75},
                new double[] {0.1, 0.2, 0.3, 0.3, 0.3});
        EpochLoop.Outcome o = EpochLoop.run("main", 10, StopRule.onLoss(2, 0.1, StopRule.Keep.BEST_ACCURACY), stage,
                stage, progress, TrainingListener.NONE);
        assertEquals(5, o.epochs());
        assertEquals(3, o.keptEpoch(), "ties keep the earlier best");
    }

    @Test
    void accuracyMonitorSelectsOnTheSameMinDelta() {
        Progress progress = new Progress(10);
        Scripted stage = new Scripted(progress, new double[] {9, 9, 9, 9}, new double[] {0.50, 0.505, 0.52, 0.521});
        EpochLoop.Outcome o = EpochLoop.run("main", 4, StopRule.onAccuracy(5, 0.01, StopRule.Keep.BEST_ACCURACY),
                stage, stage, progress, TrainingListener.NONE);
        assertEquals(new EpochLoop.Outcome(4, 3, "max-epochs (4)"), o, "0.505 and 0.521 are within min-delta");
        assertEquals(3, stage.restored);
    }

    @Test
    void keepingFinalWeightsReportsTheLastEpochAndNeverRestores() {
        Progress progress = new Progress(10);
        Scripted stage = new Scripted(progress, new double[] {0.5, 0.9, 0.9}, new double[] {0.9, 0.1, 0.1});
        EpochLoop.Outcome o = EpochLoop.run("layer-1", 5, StopRule.onLoss(2, 0, StopRule.Keep.FINAL)
                .describedAs("layer 1's loss"), stage, null, progress, TrainingListener.NONE);
        assertEquals(new EpochLoop.Outcome(3, 3, "early-stop (layer 1's loss, patience 2)"), o);
        assertEquals(-1, stage.restored);
    }

    @Test
    void stagesAddUpInOneProgress() {
        Progress progress = new Progress(10);
        Scripted fixed = new Scripted(progress, new double[] {1, 1}, new double[] {0, 0});
        EpochLoop.run("dfa", 2, StopRule.fixed("2 epochs"), fixed, null, progress, TrainingListener.NONE);
        EpochLoop.run("empty", 0, StopRule.fixed("0 epochs"), fixed, null, progress, TrainingListener.NONE);
        Scripted predictor = new Scripted(progress, new double[] {1, 2}, new double[] {0.3, 0.2});
        EpochLoop.run("predictor-1", 2, StopRule.onLoss(1, 0, StopRule.Keep.FINAL), predictor, null, progress,
                TrainingListener.NONE);
        assertEquals(Map.of("dfa", 2, "predictor-1", 2), progress.epochsPerStage(), "a stage of no epochs is left out");
        assertEquals("dfa: 2 epochs; empty: 0 epochs; predictor-1: early-stop (validation loss, patience 1)",
                progress.stagedReasons());
        var result = progress.result(new Evaluation(null, 0.7), progress.stagedReasons());
        assertEquals(4, result.epochsRun());
        assertEquals(2, result.bestEpoch(), "the last stage's kept epoch");
        assertEquals(40, result.samplesSeen());
        assertEquals(20.0, result.flops());
        assertNull(result.testLoss());
    }
}
