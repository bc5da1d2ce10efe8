package io.joulebench.harness.report;

import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.stats.Agreement;
import io.joulebench.harness.stats.HolmAdjustment;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.reports.model.Block;
import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Paragraph;
import io.joulebench.reports.model.Preformatted;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import io.joulebench.reports.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The method in words and formulas, Holm-adjusted p-values, the raw per-trial table, flags and what was left out. */
final class AppendixSection {
    private AppendixSection() {
    }

    static Section map(TrialSelection s, ReportInputs in, List<String> readNotes) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("Each arm's trials are summarised by mean, sample sd and a Student t interval;"
                + " an arm is compared with the baseline by the ratio of means R = mean(X)/mean(Y) for costs and the"
                + " difference in percentage points for accuracy. Where both arms ran the same seeds the comparison"
                + " is paired (seed i of the arm against seed i of the baseline)."));
        blocks.add(new Preformatted(String.format(Locale.ROOT, """
                summary      mean ± t(%.3f; n-1) · sd/√n               (no interval below n = 3)
                ratio        R = Σx / Σy, %d bootstrap resamples (seed %d), %s interval at %.0f %%
                check        Fieller's interval at the same level; flagged when they differ by > %.0f %% of width
                verdict      cheaper if the interval lies below 1 - %.2f, costlier if above 1 + %.2f
                accuracy     Δ = mean(x) - mean(y) in pp, t interval; equivalent if the %.0f %% interval lies
                             within ±%.2f pp (TOST)
                family       Holm's step-down adjustment of the p-values over one metric's comparisons""",
                (1 + in.options().level()) / 2, in.options().resamples(), in.options().seed(),
                in.options().method().name().toLowerCase(Locale.ROOT), in.options().level() * 100,
                in.options().disagreementTolerance() * 100, in.options().noise(), in.options().noise(),
                (2 * in.options().level() - 1) * 100, in.options().equivalenceMarginPp())));
        Table holm = holm(in);
        if (holm != null) {
            blocks.add(holm);
        }
        blocks.add(raw(s));
        List<Note> notes = new ArrayList<>();
        readNotes.forEach(n -> notes.add(Note.warning(n)));
        s.leftOut().forEach(n -> notes.add(Note.warning(n)));
        notes.addAll(flags(in));
        return Section.of(SectionKind.APPENDIX, blocks, notes);
    }

    private static Table holm(ReportInputs in) {
        List<ReportInputs.Comparison> cs = new ArrayList<>(in.comparisons().values());
        if (cs.isEmpty()) {
            return null;
        }
        List<List<Cell>> rows = new ArrayList<>();
        String[] names = {"energy", "time", "CO2e"};
        for (int m = 0; m < names.length; m++) {
            final int k = m;
            List<RatioComparison> rs = cs.stream().map(c -> k == 0 ? c.energy() : k == 1 ? c.time() : c.co2e())
                    .toList();
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < rs.size(); i++) {
                if (rs.get(i) != null && rs.get(i).pValue() != null) {
                    idx.add(i);
                }
            }
            HolmAdjustment h = idx.isEmpty() ? null : HolmAdjustment.of(idx.stream()
                    .mapToDouble(i -> rs.get(i).pValue()).toArray(), 1 - in.options().level());
            for (int i = 0; i < rs.size(); i++) {
                int pos = idx.indexOf(i);
                rows.add(List.of(Cell.text(cs.get(i).arm()), Cell.text(names[m]),
                        pos < 0 ? Cell.unavailable("no p-value (fewer than 3 values per arm, or no figure)")
                                : Cell.measured(rs.get(i).pValue(), "", 4),
                        pos < 0 ? Cell.unavailable("no p-value") : Cell.measured(h.adjustedPValues().get(pos), "", 4),
                        Cell.text(cs.get(i).pairing().name().toLowerCase(Locale.ROOT))));
            }
        }
        return new Table("holm", "p-values of R = 1 against the baseline, Holm-adjusted per metric",
                List.of(Column.of("Arm"), Column.of("Metric"), Column.of("p"), Column.of("p (Holm)"),
                        Column.of("Pairing")), rows);
    }

    private static Table raw(TrialSelection s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ResultsInput.Loaded l : s.all()) {
            TrialRecord r = l.record();
            rows.add(List.of(Cell.text(Arm.labelOf(r)), Cell.text(r.spec().trainer()), Cell.text(r.spec().dataset()),
                    Cell.text(Long.toString(r.spec().seed())), Cell.text(r.status() + (r.warmup() ? ", warm-up" : "")),
                    metric(r, Metrics.TEST_ACCURACY, 100, "%", 2), metric(r, Metrics.TRAINING_SECONDS, 1, "s", 2),
                    metric(r, Metrics.ENERGY_JOULES, 1, "J", 1), metric(r, Metrics.CO2E_GRAMS, 1, "g", 4),
                    Cells.text(r.error(), "no error")));
        }
        return new Table("trials", "Every trial read, used or not", List.of(Column.of("Arm"), Column.of("Trainer"),
                Column.of("Dataset"), Column.of("Seed"), Column.of("Status"), Column.of("Accuracy", "%"),
                Column.of("Training time", "s"), Column.of("Energy", "J"), Column.of("CO2e", "g"),
                Column.of("Error")), rows);
    }

    private static Cell metric(TrialRecord r, String name, double scale, String unit, int decimals) {
        return r.metric(name).map(m -> m.value() == null ? Cell.unavailable(Objects.requireNonNullElse(m.reason(),
                        "no figure")) : Cells.value(m.value() * scale, unit, decimals, m.obtained(), m.reason()))
                .orElse(Cell.unavailable("not recorded"));
    }

    /** Outliers (Tukey fences, flagged never dropped) and bootstrap/Fieller disagreements. */
    private static List<Note> flags(ReportInputs in) {
        List<Note> notes = new ArrayList<>();
        in.summaries().forEach((arm, m) -> m.forEach((metric, st) -> {
            if (st.summary() != null && st.summary().outliers() != null
                    && !st.summary().outliers().indexes().isEmpty()) {
                notes.add(Note.warning(arm + " " + metric + ": " + st.summary().outliers().indexes().size()
                        + " value(s) outside Tukey's fences (kept)"));
            }
        }));
        for (ReportInputs.Comparison c : in.comparisons().values()) {
            for (RatioComparison r : new RatioComparison[] {c.energy(), c.time(), c.co2e()}) {
                if (r != null && r.agreement() == Agreement.DISAGREE) {
                    notes.add(Note.warning(c.arm() + ": bootstrap and Fieller intervals disagree; read the ratio's"
                            + " interval with care"));
                }
            }
        }
        return notes;
    }
}
