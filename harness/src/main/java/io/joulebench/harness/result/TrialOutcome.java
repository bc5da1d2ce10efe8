package io.joulebench.harness.result;

import java.util.Map;

/**
 * What training achieved, as stored (the trainer's own result type is mapped into it).
 *
 * @param testAccuracy   accuracy in [0, 1] on the test split with the selected weights
 * @param testLoss       mean test cross-entropy, or null
 * @param epochsRun      epochs run over all stages
 * @param epochsPerStage epochs per stage, in order
 * @param bestEpoch      the epoch whose weights were kept (stage-local for staged trainers), 0 if none
 * @param stopReason     why training ended
 * @param samplesSeen    training samples processed
 * @param flops          estimated floating-point operations of training, or null
 */
public record TrialOutcome(double testAccuracy, Double testLoss, int epochsRun, Map<String, Integer> epochsPerStage,
                           int bestEpoch, String stopReason, long samplesSeen, Double flops) {
    public TrialOutcome {
        epochsPerStage = epochsPerStage == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(epochsPerStage));
    }

    public static TrialOutcome of(io.joulebench.algorithms.TrainingResult r) {
        return new TrialOutcome(r.testAccuracy(), r.testLoss(), r.epochsRun(), r.epochsPerStage(), r.bestEpoch(),
                r.stopReason(), r.samplesSeen(), r.flops());
    }
}
