package io.joulebench.energy.carbon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.PowerTrace;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarbonTest {

    final CarbonIntensityTable table = CarbonIntensityTable.load();

    @Test
    void tableHasTheMajorCountriesAndAWorldDefault() throws Exception {
        for (String c : List.of("POL", "DEU", "FRA", "USA", "GBR", "CHN", "IND", "PL", "de", "WORLD")) {
            assertNotNull(table.require(c), c);
        }
        assertTrue(table.rows().size() >= 31, "rows: " + table.rows().size());
        assertEquals("WORLD", table.require(null).alpha3());
        table.rows().forEach(r -> {
            assertTrue(r.gramsPerKwh() > 0 && r.gramsPerKwh() < 1200, r.toString());
            assertTrue(!r.source().isBlank() && r.year() >= 2020, r.toString());
        });
        CarbonException e = assertThrows(CarbonException.class, () -> table.require("XXX"));
        assertTrue(e.getMessage().contains("XXX") && e.getMessage().contains("WORLD"));
    }

    @Test
    void annualArithmetic() throws Exception {
        GridIntensity pl = table.require("POL");
        // 7.2 MJ = 2 kWh; x PUE 1.5 x 662 g/kWh = 1986 g
        CarbonEstimate c = CarbonCalculator.annual(7.2e6, pl, 1.5);
        assertEquals(2.0, c.energyKwh(), 1e-12);
        assertEquals(2.0 * 1.5 * pl.gramsPerKwh(), c.gramsCO2e(), 1e-9);
        assertEquals("POL", c.region());
        assertEquals(pl.year(), c.year());
        assertEquals(pl.source(), c.source());
        assertEquals(1.5, c.pue());
        assertThrows(CarbonException.class, () -> CarbonCalculator.annual(1, pl, 0.9));
    }

    @Test
    void timeResolvedIntensityIsIntegratedAgainstTheEnergySeries() throws Exception {
        // 1 h at 1 kW on the GPU: the first 30 min at 100 g/kWh, the rest at 300 g/kWh. DRAM 0.1 kW throughout.
        // psys must be ignored (overlaps).
        IntensitySeries series = IntensitySeries.parse("test.csv", new StringReader(
                "timestamp,g_per_kwh\n2024-01-01T00:00:00Z,100\n2024-01-01T00:30:00Z,300\n"));
        PowerTrace trace = new PowerTrace("2024-01-01T00:00:00Z", List.of(
                ramp("gpu:0", Method.COUNTER_DELTA, 1000.0),
                ramp("dram", Method.INTEGRATED_POWER, 100.0),
                ramp("psys", Method.COUNTER_DELTA, 5000.0)));
        EnergyReport report = report(figure("gpu:0", 3.6e6), figure("dram", 0.36e6), figure("psys", 18e6));
        CarbonEstimate c = CarbonCalculator.timeResolved(report, trace, series, 1.0);
        assertEquals(1.1, c.energyKwh(), 1e-9);
        assertEquals(0.55 * 100 + 0.55 * 300, c.gramsCO2e(), 1e-6);
        assertEquals(200.0, c.gramsPerKwh(), 1e-9);
        assertEquals("TIME_RESOLVED", c.method());
        CarbonEstimate withPue = CarbonCalculator.timeResolved(report, trace, series, 1.2);
        assertEquals(c.gramsCO2e() * 1.2, withPue.gramsCO2e(), 1e-6);
    }

    @Test
    void timeResolvedWithoutAnyEnergyFigureIsNoEstimateNotZero() throws Exception {
        IntensitySeries series = IntensitySeries.parse("test.csv", new StringReader(
                "timestamp,g_per_kwh\n2024-01-01T00:00:00Z,100\n"));
        // Every sensor failed: the report has no total, the trace has at most one point per domain.
        PowerTrace trace = new PowerTrace("2024-01-01T00:00:00Z", List.of(new PowerTrace.DomainTrace("gpu:0",
                Method.COUNTER_DELTA, List.of(new PowerTrace.Point(0.0, null, 0.0)))));
        EnergyReport report = report(figure("gpu:0", null));
        assertNull(report.totalJoules());
        assertNull(CarbonCalculator.estimate(report, trace, table.require("POL"), series, 1.0));
        assertNull(CarbonCalculator.estimate(report, trace, table.require("POL"), null, 1.0));
        CarbonException e = assertThrows(CarbonException.class,
                () -> CarbonCalculator.timeResolved(report, trace, series, 1.0));
        assertTrue(e.getMessage().contains("gpu:0"), e.getMessage());
    }

    @Test
    void timeResolvedLeavesOutDomainsWithoutAFigure() throws Exception {
        IntensitySeries series = IntensitySeries.parse("test.csv", new StringReader(
                "timestamp,g_per_kwh\n2024-01-01T00:00:00Z,100\n"));
        // DRAM has trace points but ended UNAVAILABLE in the report: it must not contribute (nor count as 0 J
        // silently); the GPU alone is integrated and the note names DRAM.
        PowerTrace trace = new PowerTrace("2024-01-01T00:00:00Z", List.of(
                ramp("gpu:0", Method.COUNTER_DELTA, 1000.0),
                ramp("dram", Method.COUNTER_DELTA, 100.0)));
        EnergyReport report = report(figure("gpu:0", 3.6e6), figure("dram", null));
        CarbonEstimate c = CarbonCalculator.estimate(report, trace, table.require("POL"), series, 1.0);
        assertEquals("TIME_RESOLVED", c.method());
        assertEquals(1.0, c.energyKwh(), 1e-9);
        assertEquals(100.0, c.gramsCO2e(), 1e-6);
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("dram")), c.notes().toString());
    }

    private static DomainEnergy figure(String domain, Double joules) {
        return new DomainEnergy(domain, domain, "test", "test", joules == null ? Method.UNAVAILABLE
                : Method.COUNTER_DELTA, joules == null ? Quality.UNAVAILABLE : Quality.COMPLETE, joules, null, null,
                null, null, null, 2, 0, null, null, 3600.0, joules == null ? "failed" : null, List.of());
    }

    private static EnergyReport report(DomainEnergy... domains) {
        Double total = null;
        for (DomainEnergy d : domains) {
            if (d.joules() != null && new io.joulebench.energy.Domain(d.domain()).additive()) {
                total = (total == null ? 0.0 : total) + d.joules();
            }
        }
        return new EnergyReport("2024-01-01T00:00:00Z", 3600.0, 100.0, List.of(domains), List.of(), total, null,
                null, null, null, null, null);
    }

    /** Readings every minute for an hour at constant power. */
    private static PowerTrace.DomainTrace ramp(String domain, Method m, double watts) {
        List<PowerTrace.Point> pts = new java.util.ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            pts.add(new PowerTrace.Point(i * 60.0, watts, watts * i * 60.0));
        }
        return new PowerTrace.DomainTrace(domain, m, pts);
    }

    @Test
    void badSeriesIsRejectedWithTheLine() {
        CarbonException e = assertThrows(CarbonException.class, () -> IntensitySeries.parse("x.csv",
                new StringReader("timestamp,g_per_kwh\nyesterday,100\n")));
        assertTrue(e.getMessage().contains("x.csv line 2"), e.getMessage());
    }

    @Test
    void pueOutsideASaneRangeIsRefusedInOneLine() {
        for (double pue : new double[] {1e308, 3.01, 0.99, Double.NaN}) {
            CarbonException e = assertThrows(CarbonException.class, () -> CarbonCalculator.checkPue(pue));
            assertTrue(e.getMessage().startsWith("PUE " + pue + " is outside [1.0, 3.0]"), e.getMessage());
        }
        assertDoesNotThrowPue(3.0);
        assertDoesNotThrowPue(1.0);
    }

    private static void assertDoesNotThrowPue(double pue) {
        try {
            assertEquals(pue, CarbonCalculator.checkPue(pue));
        } catch (CarbonException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void seriesWithoutHeaderKeepsItsFirstRow() throws Exception {
        IntensitySeries s = IntensitySeries.parse("h.csv", new StringReader(
                "2024-01-01T00:00:00Z,100\n2024-01-01T01:00:00Z,200\n"));
        assertEquals(2, s.points().size(), "the first line is data, not a header");
        assertEquals(100.0, s.at(java.time.Instant.parse("2024-01-01T00:30:00Z")));
        IntensitySeries withHeader = IntensitySeries.parse("h.csv", new StringReader(
                "timestamp,g_per_kwh\n1704067200,100\n"));
        assertEquals(1, withHeader.points().size());
        CarbonException e = assertThrows(CarbonException.class, () -> IntensitySeries.parse("x.csv",
                new StringReader("yesterday,100\n")));
        assertTrue(e.getMessage().contains("x.csv line 1"), "bad data is not taken for a header: " + e.getMessage());
    }

    @Test
    void seriesEndingLongBeforeTheWindowIsUsedWithANote() throws Exception {
        IntensitySeries series = IntensitySeries.parse("old.csv", new StringReader(
                "timestamp,g_per_kwh\n2020-01-01T00:00:00Z,100\n"));
        PowerTrace trace = new PowerTrace("2024-01-01T00:00:00Z", List.of(ramp("gpu:0", Method.COUNTER_DELTA, 1000.0)));
        CarbonEstimate c = CarbonCalculator.estimate(report(figure("gpu:0", 3.6e6)), trace, table.require("POL"),
                series, 1.0);
        assertEquals(100.0, c.gramsCO2e(), 1e-6);
        assertTrue(c.notes().contains("the series ends at 2020-01-01T00:00:00Z, 1461 days before the window: its last"
                + " value was used for the whole window"), c.notes().toString());
    }

    @Test
    void estimateSaysItIncludesPartialAndLeavesOutUnavailableDomains() throws Exception {
        DomainEnergy partial = new DomainEnergy("gpu:0", "gpu:0", "test", "test", Method.COUNTER_DELTA,
                Quality.PARTIAL, 3.6e6, null, null, null, null, null, 8, 2, null, null, 3000.0,
                "2 of 10 readings failed", List.of());
        EnergyReport report = report(partial, figure("dram", null));
        CarbonEstimate c = CarbonCalculator.estimate(report, null, table.require("POL"), null, 1.0);
        assertTrue(c.notes().contains("includes PARTIAL domains (their figures miss part of the window): gpu:0 (2 of "
                + "10 readings failed)"), c.notes().toString());
        assertTrue(c.notes().contains("leaves out UNAVAILABLE domains (no figure): dram (failed)"),
                c.notes().toString());
    }
}
