package io.joulebench.harness.report;

import io.joulebench.energy.carbon.CarbonIntensityTable;
import io.joulebench.energy.carbon.GridIntensity;
import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.reports.model.Axis;
import io.joulebench.reports.model.BarStack;
import io.joulebench.reports.model.Block;
import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import io.joulebench.reports.model.StackedBars;
import io.joulebench.reports.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The energy breakdown by domain (idle vs active) and carbon with a what-if over other grids. */
final class EnergySections {
    /** Regions of the what-if table (ISO alpha-3, and the world average). */
    static final List<String> WHAT_IF = List.of("POL", "FRA", "DEU", "USA", "CHN", "IND", "SWE", "WORLD");
    private static final double J_PER_KWH = 3.6e6;

    private EnergySections() {
    }

    static Section breakdown(TrialSelection s) {
        Set<String> domains = new LinkedHashSet<>();
        Map<String, Obtained> how = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (TrialRecord r : used(s)) {
            for (EnergyRecord.DomainRecord d : r.energy().domains()) {
                if (d.joules() == null) {
                    unavailable.putIfAbsent(d.domain().name(), d.reason());
                } else if (d.domain().additive()) {
                    domains.add(d.domain().name());
                    if (d.obtained() == Obtained.MODELLED) {
                        how.put(d.domain().name(), Obtained.MODELLED);
                    }
                }
            }
        }
        List<Note> notes = new ArrayList<>();
        unavailable.forEach((d, why) -> {
            if (!domains.contains(d)) {
                notes.add(Note.info(d + ": unavailable (" + why + "), not drawn."));
            }
        });
        if (domains.isEmpty()) {
            return new Section(SectionKind.BREAKDOWN, List.of(), notes, "no trial has a per-domain energy figure");
        }
        List<String> arms = s.arms().stream().map(Arm::name).toList();
        List<BarStack> stacks = new ArrayList<>();
        for (String d : domains) {
            List<Double> active = new ArrayList<>();
            List<Double> idle = new ArrayList<>();
            List<Double> gross = new ArrayList<>();
            for (Arm a : s.arms()) {
                active.add(mean(a, d, EnergyRecord.DomainRecord::netJoules));
                idle.add(mean(a, d, EnergyRecord.DomainRecord::idleJoules));
                gross.add(mean(a, d, EnergyRecord.DomainRecord::joules));
            }
            var o = Cells.obtained(how.getOrDefault(d, Obtained.MEASURED));
            if (active.stream().anyMatch(Objects::nonNull)) {
                stacks.add(new BarStack(d + " active", active, o));
                stacks.add(new BarStack(d + " idle", idle, o));
            } else {
                stacks.add(new BarStack(d + " (no idle baseline)", gross, o));
            }
        }
        if (!how.isEmpty()) {
            notes.add(Note.info("Modelled: " + String.join(", ", how.keySet()) + "."));
        }
        return Section.of(SectionKind.BREAKDOWN, List.of(new StackedBars("breakdown",
                "Mean energy per trial by domain, idle vs active", "arm", Axis.of("energy", "kJ"), arms, stacks)),
                notes);
    }

    private static Double mean(Arm a, String domain, java.util.function.Function<EnergyRecord.DomainRecord, Double> f) {
        double sum = 0;
        int n = 0;
        for (TrialRecord r : a.records()) {
            if (r.energy() == null) {
                continue;
            }
            for (EnergyRecord.DomainRecord d : r.energy().domains()) {
                Double v = d.domain().name().equals(domain) ? f.apply(d) : null;
                if (v != null && v >= 0) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? null : sum / n / 1e3;
    }

    private static List<TrialRecord> used(TrialSelection s) {
        return s.arms().stream().flatMap(a -> a.records().stream()).filter(r -> r.energy() != null).toList();
    }

    static Section carbon(TrialSelection s, ReportInputs in) {
        if (s.arms().isEmpty()) {
            return Section.missing(SectionKind.CARBON, "no completed trial");
        }
        List<Column> cols = new ArrayList<>(List.of(Column.of("Arm"), Column.of("CO2e per trial", "g"),
                Column.of("Energy per trial", "kWh"), Column.of("Grid")));
        List<List<Cell>> rows = new ArrayList<>();
        for (Arm a : s.arms()) {
            ReportInputs.Stat e = in.stat(a.name(), Metrics.ENERGY_JOULES);
            rows.add(List.of(Cell.text(a.name()), Cells.mean(in.stat(a.name(), Metrics.CO2E_GRAMS), 1, "g", 3, false),
                    Cells.mean(e, 1 / J_PER_KWH, "kWh", 6, false),
                    Cells.text(a.records().stream().map(r -> r.energy() == null || r.energy().carbon() == null ? null
                            : r.energy().carbon().region() + ", " + r.energy().carbon().gramsPerKwh() + " g/kWh, PUE "
                            + r.energy().carbon().pue()).filter(Objects::nonNull).distinct()
                            .reduce((x, y) -> x + " | " + y).orElse(null), "no carbon figure")));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table("carbon", "Carbon per trial (annual-average grid intensity)", cols, rows));
        blocks.add(whatIf(s, in));
        return Section.of(SectionKind.CARBON, blocks, List.of(Note.info("What-if: the same energy on other grids,"
                + " grams = kWh x PUE x g/kWh, with fixed annual-average intensities only.")));
    }

    private static Table whatIf(TrialSelection s, ReportInputs in) {
        CarbonIntensityTable table = CarbonIntensityTable.load();
        List<GridIntensity> grids = WHAT_IF.stream().map(c -> c.equals(CarbonIntensityTable.WORLD) ? table.world()
                : table.find(c).orElse(null)).filter(Objects::nonNull).toList();
        List<Column> cols = new ArrayList<>(List.of(Column.of("Arm"), Column.of("PUE")));
        for (GridIntensity g : grids) {
            cols.add(Column.of(g.alpha3() + " (" + Math.round(g.gramsPerKwh()) + " g/kWh, " + g.year() + ")", "g"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (Arm a : s.arms()) {
            ReportInputs.Stat e = in.stat(a.name(), Metrics.ENERGY_JOULES);
            double pue = a.records().stream().filter(r -> r.energy() != null && r.energy().carbon() != null)
                    .mapToDouble(r -> r.energy().carbon().pue()).findFirst().orElse(1.0);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(a.name()), Cell.measured(pue, "", 2)));
            for (GridIntensity g : grids) {
                row.add(e.summary() == null ? Cell.unavailable(e.reason())
                        : Cells.value(e.summary().mean() / J_PER_KWH * pue * g.gramsPerKwh(), "g", 3,
                        e.obtained(), e.reason()));
            }
            rows.add(row);
        }
        return new Table("carbon-what-if", "Had these trials run on another grid (mean per trial)", cols, rows,
                List.of("Intensities: " + grids.stream().map(g -> g.alpha3() + " " + g.source() + " " + g.year())
                        .distinct().reduce((x, y) -> x + "; " + y).orElse("none") + "."));
    }
}
