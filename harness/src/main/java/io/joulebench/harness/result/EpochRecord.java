package io.joulebench.harness.result;

import io.joulebench.algorithms.EpochStats;
import java.util.Map;

/**
 * One epoch as stored in results: the trainer's statistics plus the harness's timing and energy.
 *
 * @param joules gross energy of the epoch over the metered domains (details in the trial's energy phases), or null
 */
public record EpochRecord(String stage, int epoch, double trainLoss, Double validationLoss,
                          Double validationAccuracy, long samplesSeen, double dataPasses, Double flops,
                          double seconds, Double joules, Map<String, Double> extra) {

    public static EpochRecord of(EpochStats s, double seconds) {
        return new EpochRecord(s.stage(), s.epoch(), s.trainLoss(), s.validationLoss(), s.validationAccuracy(),
                s.samplesSeen(), s.dataPasses(), s.flops(), seconds, null, s.extra());
    }

    public EpochRecord withJoules(Double joules) {
        return new EpochRecord(stage, epoch, trainLoss, validationLoss, validationAccuracy, samplesSeen, dataPasses,
                flops, seconds, joules, extra);
    }
}
