package io.joulebench.energy.carbon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Method;
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
        CarbonEstimate c = CarbonCalculator.timeResolved(trace, series, 1.0);
        assertEquals(1.1, c.energyKwh(), 1e-9);
        assertEquals(0.55 * 100 + 0.55 * 300, c.gramsCO2e(), 1e-6);
        assertEquals(200.0, c.gramsPerKwh(), 1e-9);
        assertEquals("TIME_RESOLVED", c.method());
        CarbonEstimate withPue = CarbonCalculator.timeResolved(trace, series, 1.2);
        assertEquals(c.gramsCO2e() * 1.2, withPue.gramsCO2e(), 1e-6);
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
}
