package io.joulebench.harness.trial;

import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.nvml.GpuFacts;
import java.util.List;

/**
 * The energy of one trial's training window (the training call: per-epoch validation included, the final test
 * excluded, as in the study), with one phase per epoch named {@code STAGE/epoch-N}.
 *
 * @param training per domain gross, idle and net joules, method, quality and uncertainty; per-epoch phases
 * @param carbon   carbon of the gross training energy; null when no domain had a figure
 * @param gpusAtStart every GPU's state (power limit, clocks, temperature, memory, compute processes) when the
 *                    window opened: empty where NVML is unavailable, null where it could not be read
 * @param gpusAtEnd   the same when the window closed
 * @param error    what went wrong with carbon or GPU facts, or null
 * @param scope    which figure carbon used: the machine's, or the process tree's ATTRIBUTED share
 */
public record TrialEnergy(EnergyReport training, CarbonEstimate carbon, List<GpuFacts> gpusAtStart,
                          List<GpuFacts> gpusAtEnd, String error, EnergyScope scope) {

    public TrialEnergy {
        scope = scope == null ? EnergyScope.MACHINE : scope;
    }

    /** Machine scope. */
    public TrialEnergy(EnergyReport training, CarbonEstimate carbon, List<GpuFacts> gpusAtStart,
                       List<GpuFacts> gpusAtEnd, String error) {
        this(training, carbon, gpusAtStart, gpusAtEnd, error, EnergyScope.MACHINE);
    }

    /** The phase name of one epoch. */
    public static String phase(String stage, int epoch) {
        return stage + "/epoch-" + epoch;
    }
}
