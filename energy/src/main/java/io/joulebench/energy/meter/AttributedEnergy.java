package io.joulebench.energy.meter;

import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import java.util.List;

/**
 * A process tree's ATTRIBUTED share of one machine domain over the window (never a measurement): per sampling
 * interval, the domain's joules x (CPU time of the tree / busy CPU time of the machine), summed. Null when
 * unavailable, never 0.
 *
 * @param domain        {@code cpu-package} or {@code dram} (GPU domains are not attributed)
 * @param tree          the process tree ("children of pid 42")
 * @param basis         how the machine figure was obtained (COUNTER_DELTA, MODELLED, ...)
 * @param quality       COMPLETE, PARTIAL or UNAVAILABLE
 * @param joules        the attributed share; null when unavailable
 * @param machineJoules the machine figure it is a share of
 * @param share         joules / machineJoules
 * @param treeCpuShare  the tree's CPU time / the machine's busy CPU time over the window
 * @param intervals     sampling intervals summed
 * @param cappedIntervals intervals whose share came out above 1 (clock-tick skew) and was capped at 1
 * @param reason        why the figure is not COMPLETE; null when it is
 * @param notes         what a reader should know (capped intervals, gaps, the model's own load)
 */
public record AttributedEnergy(String domain, String tree, Method basis, Quality quality, Double joules,
                               Double machineJoules, Double share, Double treeCpuShare, int intervals,
                               int cappedIntervals, String reason, List<String> notes) {
    public AttributedEnergy {
        notes = List.copyOf(notes);
    }
}
