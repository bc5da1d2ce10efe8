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

    /** The estimate for a metered window, or null when the window has no energy figure at all. */
    public CarbonEstimate estimate(EnergyReport report, PowerTrace trace) throws CarbonException {
        if (report.totalJoules() == null) {
            return null; // no figure is not 0 J: no carbon estimate either way
        }
        return CarbonCalculator.estimate(report, trace, grid, series, pue);
    }
}
