package io.joulebench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.harness.result.EnergyMapping;
import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialEnergy;
import io.joulebench.harness.trial.TrialSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static DomainEnergy domain(String id, Method m, Quality q, Double joules, String reason) {
        return new DomainEnergy(id, id, "test", "test", m, q, joules, null, null, null, null, null, 10, 0, null, null,
                1.0, reason, List.of());
    }

    private static TrialRecord trial(DomainEnergy... domains) {
        Double total = null;
        for (DomainEnergy d : domains) {
            total = d.joules() == null ? total : (total == null ? 0.0 : total) + d.joules();
        }
        EnergyReport report = new EnergyReport("2024-01-01T00:00:00Z", 10.0, 100.0, List.of(domains), List.of(), total,
                null, null, null, null, null, null);
        TrialSpec spec = new TrialSpec("bp-mlp", "mnist", null, 1, 1, Map.of());
        EnergyRecord energy = EnergyMapping.map(new TrialEnergy(report, null, List.of(), List.of(), null));
        return new TrialRecord(TrialRecord.SCHEMA, spec.key(), "id", "2024-01-01T00:00:00Z", TrialRecord.COMPLETED,
                null, false, spec, null, List.of(), null, Metrics.of(null, 10.0, null, List.of(), energy, "-", null),
                energy, null, null, null, null);
    }

    @Test
    void eachCaveatHasItsOwnMarkAndAFootnoteNamingDomainsAndReasons() {
        TrialRecord modelled = trial(domain("cpu-package", Method.MODELLED, Quality.COMPLETE, 100.0, null));
        TrialRecord partial = trial(domain("gpu:0", Method.COUNTER_DELTA, Quality.PARTIAL, 50.0,
                "3 of 10 readings failed (GPU is lost)"));
        TrialRecord unavailable = trial(domain("gpu:0", Method.COUNTER_DELTA, Quality.COMPLETE, 70.0, null),
                domain("dram", Method.UNAVAILABLE, Quality.UNAVAILABLE, null, "stale counter: did not advance"));
        assertEquals("100.0*", SummaryTable.energy(modelled, false));
        assertEquals("50.0~", SummaryTable.energy(partial, false));
        assertEquals("70.0!", SummaryTable.energy(unavailable, false), "a failed domain never looks measured");
        String notes = SummaryTable.footnote(List.of(modelled, partial, unavailable));
        assertTrue(notes.contains("* includes MODELLED domains: an estimate from load and TDP, not a measurement "
                + "(see docs/energy.md): cpu-package\n"), notes);
        assertTrue(notes.contains("~ includes PARTIAL domains, whose figures miss part of the window: gpu:0 (3 of 10 "
                + "readings failed (GPU is lost))\n"), notes);
        assertTrue(notes.contains("! leaves out UNAVAILABLE domains (no figure): dram (stale counter: did not "
                + "advance)\n"), notes);
        assertEquals("", SummaryTable.footnote(List.of(trial(domain("gpu:0", Method.COUNTER_DELTA, Quality.COMPLETE,
                70.0, null)))), "a clean measurement carries no mark");
    }

    @Test
    void underScopeProcessTheSummaryShowsTheAttributedShareMarked() {
        DomainEnergy cpu = domain("cpu-package", Method.COUNTER_DELTA, Quality.COMPLETE, 100.0, null);
        EnergyReport report = new EnergyReport("2024-01-01T00:00:00Z", 10.0, 100.0, List.of(cpu), List.of(), 100.0,
                null, null, null, null, null, null, List.of(new io.joulebench.energy.meter.AttributedEnergy(
                        "cpu-package", "process tree of pid 7", Method.COUNTER_DELTA, Quality.COMPLETE, 25.0, 100.0,
                        0.25, 0.25, 100, 0, null, List.of())), 25.0, null);
        TrialSpec spec = new TrialSpec("external", "mnist", null, 1, 1, Map.of());
        EnergyRecord energy = EnergyMapping.map(new TrialEnergy(report, null, List.of(), List.of(), null,
                io.joulebench.harness.trial.EnergyScope.PROCESS));
        TrialRecord r = new TrialRecord(TrialRecord.SCHEMA, spec.key(), "id", "2024-01-01T00:00:00Z",
                TrialRecord.COMPLETED, null, false, spec, null, List.of(), null, Metrics.of(null, 10.0, null,
                List.of(), energy, "-", null), energy, null, null, null, null);
        assertEquals("25.0^", SummaryTable.energy(r, false));
        assertEquals("n/a", SummaryTable.energy(r, true), "no net share");
        assertEquals("2.5^", SummaryTable.averageWatts(r));
        assertTrue(SummaryTable.render(List.of(r)).contains("^ ATTRIBUTED (--scope process)"));
        assertEquals("100.0", SummaryTable.energy(trial(cpu), false), "machine scope: the machine's figure");
    }

    @Test
    void theModelColumnNamesNoPropBlocksMlpsAndCnns() {
        assertEquals("noprop T10 cnn 32-64-128", SummaryTable.model(withParameters(Map.of("blocks", "10",
                "channels", "32,64,128", "hidden", "256"))));
        assertEquals("mlp 1000x1000", SummaryTable.model(withParameters(Map.of("hidden", "1000,1000"))));
        assertEquals("cnn 32-128-512", SummaryTable.model(withParameters(Map.of("channels", "32,128,512"))));
        assertEquals("-", SummaryTable.model(withParameters(Map.of())));
    }

    private static TrialRecord withParameters(Map<String, String> parameters) {
        TrialSpec spec = new TrialSpec("some-trainer", "mnist", null, 1, 1, parameters);
        return new TrialRecord(TrialRecord.SCHEMA, spec.key(), "id", "2024-01-01T00:00:00Z", TrialRecord.COMPLETED,
                null, false, spec, null, List.of(), null, List.of(), null, null, null, null, null);
    }
}
