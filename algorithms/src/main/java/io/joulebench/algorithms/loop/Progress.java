package io.joulebench.algorithms.loop;

import io.joulebench.algorithms.TrainingResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial's running totals over all its stages: samples trained on, FLOPs (gemms: training, validation, caches),
 * epochs per stage and how each stage ended. Data passes are samples seen over the training split's size, so a
 * stage that trains one block per pass counts every pass.
 */
public final class Progress {
    private final int trainSize;
    private long samplesSeen;
    private double flops;
    private final Map<String, Integer> epochsPerStage = new LinkedHashMap<>();
    private final List<String> stageReasons = new ArrayList<>();
    private EpochLoop.Outcome last;

    public Progress(int trainSize) {
        this.trainSize = trainSize;
    }

    /** Samples that went through a training step (once per sample per step, whatever the step trained). */
    public void trained(long samples) {
        samplesSeen += samples;
    }

    /** FLOPs of work done (training, validation, computing caches). */
    public void counted(double moreFlops) {
        flops += moreFlops;
    }

    public long samplesSeen() {
        return samplesSeen;
    }

    public double flops() {
        return flops;
    }

    public double dataPasses() {
        return (double) samplesSeen / trainSize;
    }

    void stageEnded(String stage, EpochLoop.Outcome outcome) {
        if (outcome.epochs() > 0) {
            epochsPerStage.merge(stage, outcome.epochs(), Integer::sum);
        }
        stageReasons.add(stage + ": " + outcome.reason());
        last = outcome;
    }

    /** Every stage's stop reason, prefixed with the stage's name, in order ("layer-1: ...; layer-2: ..."). */
    public String stagedReasons() {
        return String.join("; ", stageReasons);
    }

    public Map<String, Integer> epochsPerStage() {
        return Collections.unmodifiableMap(epochsPerStage);
    }

    public int epochsRun() {
        return epochsPerStage.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The trial's result: the test evaluation of the weights the last stage kept. */
    public TrainingResult result(Evaluation test, String stopReason) {
        return new TrainingResult(test.accuracy(), test.loss(), epochsRun(), epochsPerStage, last == null ? 0
                : last.keptEpoch(), stopReason, samplesSeen, flops);
    }
}
