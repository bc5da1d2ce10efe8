package io.joulebench.harness.trial;

import io.joulebench.algorithms.EpochStats;
import java.util.Map;

/** One epoch as stored in results: the trainer's statistics plus the harness's timing. */
public record EpochRecord(String stage, int epoch, double trainLoss, Double validationLoss,
                          Double validationAccuracy, long samplesSeen, double dataPasses, Double flops,
                          double seconds, Map<String, Double> extra) {

    static EpochRecord of(EpochStats s, double seconds) {
        return new EpochRecord(s.stage(), s.epoch(), s.trainLoss(), s.validationLoss(), s.validationAccuracy(),
                s.samplesSeen(), s.dataPasses(), s.flops(), seconds, s.extra());
    }
}
