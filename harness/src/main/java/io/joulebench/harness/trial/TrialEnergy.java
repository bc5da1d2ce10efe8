package io.joulebench.harness.trial;

import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.meter.EnergyReport;

/**
 * The energy of one trial's training window (the training call: per-epoch validation included, the final test
 * excluded, as in the study), with one phase per epoch named {@code STAGE/epoch-N}.
 *
 * @param training per domain gross, idle and net joules, method, quality and uncertainty; per-epoch phases
 * @param carbon   carbon of the gross training energy; null when no domain had a figure
 * @param error    why metering failed part-way, or null
 */
public record TrialEnergy(EnergyReport training, CarbonEstimate carbon, String error) {

    /** The phase name of one epoch. */
    public static String phase(String stage, int epoch) {
        return stage + "/epoch-" + epoch;
    }
}
