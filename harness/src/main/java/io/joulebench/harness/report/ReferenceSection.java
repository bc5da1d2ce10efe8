package io.joulebench.harness.report;

import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Paragraph;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import io.joulebench.reports.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Our comparisons beside the study's (accuracy difference, time and energy ratios against the twin). */
final class ReferenceSection {
    static final String AGREES = "agrees";
    static final String DISAGREES = "disagrees";

    private ReferenceSection() {
    }

    static Section map(TrialSelection s, ReportInputs in, ReferenceStudy study) {
        if (study == null) {
            return Section.missing(SectionKind.REFERENCE, "no reference chosen (--reference none)");
        }
        if (in.comparisons().isEmpty()) {
            return Section.missing(SectionKind.REFERENCE, "no comparison against a baseline to set beside the study");
        }
        List<Column> cols = List.of(Column.of("Arm"), Column.of("Dataset"), Column.of("Study row"),
                Column.of("Accuracy Δ, study", "pp"), Column.of("Accuracy Δ, ours", "pp"), Column.of("Accuracy"),
                Column.of("Time ratio, study"), Column.of("Time ratio, ours"), Column.of("Time"),
                Column.of("Energy ratio, study"), Column.of("Energy ratio, ours"), Column.of("Energy"));
        List<List<Cell>> rows = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (ReportInputs.Comparison c : in.comparisons().values()) {
            Arm a = s.arm(c.arm());
            Optional<ReferenceStudy.Pair> p = study.find(a.trainer(), a.parameters().get("optimizer"), a.dataset(),
                    a.parameters().get("hidden"));
            if (p.isEmpty()) {
                String why = "no study row for " + a.trainer() + " on " + a.dataset();
                notes.add(Note.info(c.arm() + ": " + why + "."));
                List<Cell> row = new ArrayList<>(List.of(Cell.text(c.arm()), Cell.text(a.dataset())));
                while (row.size() < cols.size()) {
                    row.add(Cell.unavailable(why));
                }
                rows.add(row);
                continue;
            }
            ReferenceStudy.Pair pair = p.get();
            Double ourAcc = c.accuracy() == null ? null : c.accuracy().differencePp();
            Double ourTime = ratio(c.time());
            Double ourEnergy = ratio(c.energy());
            rows.add(List.of(Cell.text(c.arm()), Cell.text(a.dataset()),
                    Cell.text(pair.algorithm().algorithm() + " vs bp, " + pair.algorithm().model()
                            + (pair.algorithm().dataset().equals(a.dataset()) ? ""
                            : ", on the full " + pair.algorithm().dataset())),
                    Cell.measured(pair.accuracyDeltaPp(), "pp", 2), ours(ourAcc, "pp", 2, c, Metrics.TEST_ACCURACY),
                    Cell.text(agreement(ourAcc, pair.accuracyDeltaPp(), 0)),
                    Cell.measured(pair.timeRatio(), "", 3), ours(ourTime, "", 3, c, Metrics.TRAINING_SECONDS),
                    Cell.text(agreement(ourTime, pair.timeRatio(), 1)),
                    Cell.measured(pair.energyRatio(), "", 3), ours(ourEnergy, "", 3, c, Metrics.ENERGY_JOULES),
                    Cell.text(agreement(ourEnergy, pair.energyRatio(), 1))));
        }
        Table t = new Table("reference", "Side by side with arXiv 2509.19063 (ratios: algorithm / backprop twin)",
                cols, rows, List.of("Agreement is of direction: both ratios below 1 or both above (accuracy: both"
                + " differences of one sign). The study's energy is GPU board energy on an A100; ours is what this"
                + " machine's meter covers."));
        return Section.of(SectionKind.REFERENCE, List.of(t, new Paragraph("Source: " + String.join(" ",
                study.source()))), notes);
    }

    private static Double ratio(RatioComparison r) {
        return r == null ? null : r.ratio();
    }

    private static Cell ours(Double v, String unit, int decimals, ReportInputs.Comparison c, String metric) {
        return v == null ? Cell.unavailable(String.valueOf(c.missing().getOrDefault(metric, "undefined")))
                : Cell.measured(v, unit, decimals);
    }

    /** Same side of {@code pivot} (1 for ratios, 0 for differences), or n/a. */
    static String agreement(Double ours, double study, double pivot) {
        if (ours == null) {
            return "n/a";
        }
        if (ours == pivot || study == pivot) {
            return "tie";
        }
        return (ours > pivot) == (study > pivot) ? AGREES : DISAGREES;
    }
}
