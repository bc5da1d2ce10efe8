package io.joulebench.energy.carbon;

import io.joulebench.energy.Domain;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.PowerTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns energy into gCO2e: annual country average, or a time-resolved series integrated over the power trace. */
public final class CarbonCalculator {

    /** Joules per kWh. */
    public static final double JOULES_PER_KWH = 3.6e6;

    private CarbonCalculator() {
    }

    /**
     * Highest PUE accepted. Surveys put the global average near 1.6 (Uptime Institute 2023: 1.58) and the least
     * efficient reported sites below 3; above 3 more than two thirds of the energy would be overhead, which is far
     * more likely a typo (13 for 1.3) than a facility.
     */
    public static final double MAX_PUE = 3.0;

    /** A time-resolved series whose last entry is older than this before the window is flagged: the grid mix
     * changes with the season, so a value held longer no longer stands for the window's grid. */
    public static final java.time.Duration SERIES_STALE_AFTER = java.time.Duration.ofDays(30);

    /** Checks a PUE: a number in [1.0, {@value #MAX_PUE}]. */
    public static double checkPue(double pue) throws CarbonException {
        if (!Double.isFinite(pue) || pue < 1.0 || pue > MAX_PUE) {
            throw new CarbonException(String.format(java.util.Locale.ROOT, "PUE %s is outside [1.0, %.1f]: give the "
                    + "facility's power usage effectiveness (--pue; 1.0 = no overhead, typical data centres 1.1-2.0)",
                    Double.toString(pue), MAX_PUE));
        }
        return pue;
    }

    /** E x PUE x annual CI. */
    public static CarbonEstimate annual(double joules, GridIntensity grid, double pue) throws CarbonException {
        checkPue(pue);
        double kwh = joules / JOULES_PER_KWH;
        List<String> notes = new ArrayList<>();
        if (CarbonIntensityTable.WORLD.equals(grid.alpha3())) {
            notes.add("no region given: world average used");
        }
        return new CarbonEstimate("ANNUAL_AVERAGE", grid.alpha3(), grid.name(), grid.year(), grid.source(), pue,
                joules, kwh, grid.gramsPerKwh(), kwh * pue * grid.gramsPerKwh(), notes);
    }

    /**
     * The carbon of a metered window: time-resolved when {@code series} is given, else the annual average of
     * {@code grid}. Null when the window has no energy figure at all ({@link EnergyReport#totalJoules()} is null):
     * a missing reading is never 0 J / 0 gCO2e.
     */
    public static CarbonEstimate estimate(EnergyReport report, PowerTrace trace, GridIntensity grid,
                                          IntensitySeries series, double pue) throws CarbonException {
        if (report.totalJoules() == null) {
            return null;
        }
        CarbonEstimate c = series != null ? timeResolved(report, trace, series, pue)
                : annual(report.totalJoules(), grid, pue);
        List<String> notes = new ArrayList<>(c.notes());
        if (!report.partialInTotal().isEmpty()) {
            notes.add("includes PARTIAL domains (their figures miss part of the window): "
                    + EnergyReport.describe(report.partialInTotal()));
        }
        if (series == null && !report.unavailableLeftOut().isEmpty()) { // timeResolved names them itself
            notes.add("leaves out UNAVAILABLE domains (no figure): " + EnergyReport.describe(report.unavailableLeftOut()));
        }
        return new CarbonEstimate(c.method(), c.region(), c.regionName(), c.year(), c.source(), c.pue(),
                c.energyJoules(), c.energyKwh(), c.gramsPerKwh(), c.gramsCO2e(), notes);
    }

    /**
     * Integrates a time-resolved intensity against the energy of the trace's additive domains (GPUs, CPU package,
     * DRAM) that have a figure in {@code report} (a domain whose report figure is null, i.e. UNAVAILABLE, is left
     * out and named in a note, never counted as 0): for every interval between two readings of a domain, its
     * energy x PUE x the intensity in force at the interval's midpoint (wall clock = trace start + monotonic offset).
     *
     * @throws CarbonException when no domain has an energy figure (there is nothing to integrate; callers that want
     *                         "no estimate" should check {@link EnergyReport#totalJoules()} first, as
     *                         {@link #estimate} does)
     */
    public static CarbonEstimate timeResolved(EnergyReport report, PowerTrace trace, IntensitySeries series,
                                              double pue) throws CarbonException {
        checkPue(pue);
        Instant start = Instant.parse(trace.startedAt());
        double joules = 0;
        double grams = 0;
        boolean extrapolated = false;
        int contributed = 0;
        List<String> left = new ArrayList<>();
        for (PowerTrace.DomainTrace d : trace.domains()) {
            if (!new Domain(d.domain()).additive()) {
                continue;
            }
            Double figure = report.domain(d.domain()).map(DomainEnergy::joules).orElse(null);
            if (figure == null) {
                left.add(d.domain() + report.domain(d.domain()).map(x -> " (" + x.reason() + ")").orElse(""));
                continue;
            }
            contributed++;
            List<PowerTrace.Point> pts = d.points();
            for (int i = 1; i < pts.size(); i++) {
                double dj = pts.get(i).cumulativeJoules() - pts.get(i - 1).cumulativeJoules();
                double mid = (pts.get(i).seconds() + pts.get(i - 1).seconds()) / 2.0;
                Instant t = start.plusNanos((long) (mid * 1e9));
                if (series.before(t)) {
                    extrapolated = true;
                }
                joules += dj;
                grams += dj / JOULES_PER_KWH * pue * series.at(t);
            }
        }
        if (contributed == 0) {
            throw new CarbonException("no additive domain (GPU, CPU package, DRAM) has an energy figure"
                    + (left.isEmpty() ? "" : " (unavailable: " + String.join(", ", left) + ")")
                    + ": nothing to integrate against the intensity series " + series.name());
        }
        List<String> notes = new ArrayList<>();
        if (extrapolated) {
            notes.add("part of the window precedes the series' first entry: its first value was used there");
        }
        Instant last = series.points().get(series.points().size() - 1).time();
        if (start.isAfter(last.plus(SERIES_STALE_AFTER))) {
            notes.add(String.format(java.util.Locale.ROOT, "the series ends at %s, %d days before the window: its last"
                    + " value was used for the whole window", last, java.time.Duration.between(last, start).toDays()));
        }
        if (!left.isEmpty()) {
            notes.add("leaves out UNAVAILABLE domains (no figure): " + String.join("; ", left));
        }
        double kwh = joules / JOULES_PER_KWH;
        return new CarbonEstimate("TIME_RESOLVED", series.name(), series.name(), null,
                "time-resolved series " + series.name(), pue, joules, kwh, kwh > 0 ? Double.valueOf(grams / kwh / pue) : null,
                grams, notes);
    }
}
