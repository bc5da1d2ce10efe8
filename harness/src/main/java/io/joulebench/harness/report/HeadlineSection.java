package io.joulebench.harness.report;

import io.joulebench.harness.result.Metrics;
import io.joulebench.reports.model.Block;
import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import io.joulebench.reports.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The paper-style headline table per arm, and the hardware figures (throughput, J/GFLOP, J/sample). */
final class HeadlineSection {
    private HeadlineSection() {
    }

    static Section map(TrialSelection s, ReportInputs in) {
        if (s.arms().isEmpty()) {
            return Section.missing(SectionKind.HEADLINE, "no completed trial to summarise");
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(headline(s, in));
        blocks.add(hardware(s, in));
        List<Note> notes = new ArrayList<>();
        if (in.baseline() == null) {
            notes.add(Note.info("No baseline arm (no suite baseline, no bp-* trainer, no --baseline): ratios are n/a."));
        }
        return Section.of(SectionKind.HEADLINE, blocks, notes);
    }

    static Table headline(TrialSelection s, ReportInputs in) {
        List<Column> cols = List.of(Column.of("Arm"), Column.of("Dataset"), Column.of("Accuracy", "%"),
                Column.of("Accuracy vs baseline", "pp"), Column.of("Training time", "s"), Column.of("Energy", "kJ"),
                Column.of("Energy ratio vs baseline"), Column.of("Time ratio vs baseline"), Column.of("CO2e", "g"),
                Column.of("Verdict (energy)"));
        List<List<Cell>> rows = new ArrayList<>();
        for (Arm a : s.arms()) {
            ReportInputs.Comparison c = in.comparisons().get(a.name());
            ReportInputs.Stat energy = in.stat(a.name(), Metrics.ENERGY_JOULES);
            String noCmp = a.name().equals(in.baseline()) ? "this is the baseline" : "no baseline to compare with";
            rows.add(List.of(Cell.text(a.name()), Cell.text(a.dataset()),
                    Cells.mean(in.stat(a.name(), Metrics.TEST_ACCURACY), 100, "%", 2, false),
                    accuracyDelta(c, noCmp),
                    Cells.mean(in.stat(a.name(), Metrics.TRAINING_SECONDS), 1, "s", 1, false),
                    Cells.mean(energy, 1e-3, "kJ", 3, true),
                    c == null ? Cell.unavailable(noCmp) : Cells.ratio(c.energy(), energy.obtained(), energy.reason(),
                            c.missing().get(Metrics.ENERGY_JOULES)),
                    c == null ? Cell.unavailable(noCmp) : Cells.ratio(c.time(),
                            io.joulebench.harness.result.Obtained.MEASURED, null,
                            c.missing().get(Metrics.TRAINING_SECONDS)),
                    Cells.mean(in.stat(a.name(), Metrics.CO2E_GRAMS), 1, "g", 3, false),
                    c == null ? Cell.unavailable(noCmp) : Cells.text(Cells.verdict(c.energy()),
                            String.valueOf(c.missing().get(Metrics.ENERGY_JOULES)))));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Mean ± sd (n); energy with its 95 % t interval; ratios are arm/baseline with the 95 % bootstrap"
                + " interval (" + in.options().resamples() + " resamples, seed " + in.options().seed() + ").");
        notes.add(String.format(Locale.ROOT, "Verdict: cheaper or costlier when the whole interval lies beyond"
                + " 1 ± %.2f; otherwise no detectable difference.", in.options().noise()));
        return new Table("headline", "Headline results per arm" + (in.baseline() == null ? ""
                : " (baseline: " + in.baseline() + ")"), cols, rows, notes);
    }

    private static Cell accuracyDelta(ReportInputs.Comparison c, String noCmp) {
        if (c == null) {
            return Cell.unavailable(noCmp);
        }
        if (c.accuracy() == null) {
            return Cell.unavailable(String.valueOf(c.missing().get(Metrics.TEST_ACCURACY)));
        }
        Cell cell = Cell.measured(c.accuracy().differencePp(), "pp", 2);
        return c.accuracy().interval() == null ? cell : cell.withInterval(Cells.interval(c.accuracy().interval()));
    }

    static Table hardware(TrialSelection s, ReportInputs in) {
        List<Column> cols = List.of(Column.of("Arm"), Column.of("Achieved", "GFLOP/s"),
                Column.of("Energy per GFLOP", "J/GFLOP"), Column.of("Energy per sample", "mJ"),
                Column.of("Mean power", "W"), Column.of("sgemm peak", "GFLOP/s"));
        List<List<Cell>> rows = new ArrayList<>();
        for (Arm a : s.arms()) {
            rows.add(List.of(Cell.text(a.name()),
                    Cells.mean(in.stat(a.name(), Metrics.GFLOPS_PER_SECOND), 1, "GFLOP/s", 2, false),
                    Cells.mean(in.stat(a.name(), Metrics.JOULES_PER_GFLOP), 1, "J/GFLOP", 4, false),
                    Cells.mean(in.stat(a.name(), Metrics.JOULES_PER_SAMPLE), 1e3, "mJ", 3, false),
                    Cells.mean(in.stat(a.name(), Metrics.MEAN_POWER_WATTS), 1, "W", 1, false),
                    Cell.unavailable("not measured on this machine")));
        }
        return new Table("hardware", "Hardware figures per arm (from the trainers' FLOP counts)", cols, rows,
                List.of("FLOPs are the trainers' own counts of training arithmetic; the sgemm peak is not recorded"
                        + " in trial records, so achieved throughput cannot be set against it here."));
    }
}
