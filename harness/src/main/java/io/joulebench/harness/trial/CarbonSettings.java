package io.joulebench.harness.trial;

import io.joulebench.energy.carbon.CarbonCalculator;
import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.carbon.CarbonException;
import io.joulebench.energy.carbon.GridIntensity;
import io.joulebench.energy.carbon.IntensitySeries;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.PowerTrace;

/**
 * How carbon is estimated: a region's annual grid intensity, or a time-resolved series integrated over the power
 * trace, times PUE. Carbon accounting uses gross energy.
 *
 * @param series time-resolved intensity, or null to use {@code grid}
 */
public record CarbonSettings(GridIntensity grid, IntensitySeries series, double pue) {

    /**
     * Why a recorded trial's carbon does not follow these settings, or null when it does. Carbon is computed once,
     * when a trial is metered: a resumed trial keeps the region, PUE and series it ran with.
     */
    public String differsFrom(io.joulebench.harness.result.EnergyRecord.CarbonRecord recorded) {
        if (recorded == null) {
            return null;
        }
        String region = series != null ? series.name() : grid.alpha3();
        boolean same = Math.abs(recorded.pue() - pue) < 1e-12 && (region.equals(recorded.region())
                || grid.alpha2().equals(recorded.region()));
        return same ? null : "its CO2e was computed for region " + recorded.region() + " at PUE " + recorded.pue()
                + ", not for " + region + " at PUE " + pue + " as asked now (carbon is computed when a trial is"
                + " metered; run it again in a new --out folder for the new settings)";
    }

    /** The estimate for a metered window, or null when the window has no energy figure at all. */
    public CarbonEstimate estimate(EnergyReport report, PowerTrace trace) throws CarbonException {
        if (report.totalJoules() == null) {
            return null; // no figure is not 0 J: no carbon estimate either way
        }
        return CarbonCalculator.estimate(report, trace, grid, series, pue);
    }

    /**
     * The estimate in the given scope: the machine's figures, or the process tree's ATTRIBUTED ones (integrated
     * over their own trace when the intensity is time-resolved). Null when that scope has no energy figure.
     *
     * @param attributedTrace the session's attributed trace; null when the session attributed nothing
     */
    public CarbonEstimate estimate(EnergyReport report, PowerTrace trace, PowerTrace attributedTrace,
                                   EnergyScope scope) throws CarbonException {
        if (scope == EnergyScope.MACHINE) {
            return estimate(report, trace);
        }
        EnergyReport tree = report.processScope().orElse(null);
        if (tree == null || attributedTrace == null || tree.totalJoules() == null) {
            return null; // the caller says why: nothing attributed has a figure
        }
        CarbonEstimate c = estimate(tree, attributedTrace);
        java.util.List<String> notes = new java.util.ArrayList<>(c.notes());
        notes.add(0, "scope process: the ATTRIBUTED CPU package and DRAM share of the "
                + tree.attributed().get(0).tree() + (tree.attributedNote() == null ? "" : "; "
                + tree.attributedNote()));
        return new CarbonEstimate(c.method(), c.region(), c.regionName(), c.year(), c.source(), c.pue(),
                c.energyJoules(), c.energyKwh(), c.gramsPerKwh(), c.gramsCO2e(), notes);
    }
}
