package io.joulebench.harness.report;

import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.reports.model.Axis;
import io.joulebench.reports.model.Block;
import io.joulebench.reports.model.ForestPlot;
import io.joulebench.reports.model.ForestRow;
import io.joulebench.reports.model.Interval;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Pareto;
import io.joulebench.reports.model.Point;
import io.joulebench.reports.model.ScatterPlot;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import io.joulebench.reports.model.Series;
import io.joulebench.reports.model.StripPlot;
import java.util.ArrayList;
import java.util.List;

/** The forest plot of ratios, accuracy against energy with the Pareto front, and per-metric strip plots. */
final class ChartSections {
    private ChartSections() {
    }

    static Section forest(ReportInputs in) {
        if (in.comparisons().isEmpty()) {
            return Section.missing(SectionKind.FOREST, in.baseline() == null ? "no baseline arm to compare with"
                    : "only the baseline arm has trials");
        }
        List<ForestRow> rows = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (ReportInputs.Comparison c : in.comparisons().values()) {
            ReportInputs.Stat e = in.stat(c.arm(), Metrics.ENERGY_JOULES);
            add(rows, notes, c.arm(), "energy", c.energy(), e.obtained(), c.missing().get(Metrics.ENERGY_JOULES));
            add(rows, notes, c.arm(), "time", c.time(), Obtained.MEASURED, c.missing().get(Metrics.TRAINING_SECONDS));
            add(rows, notes, c.arm(), "CO2e", c.co2e(), in.stat(c.arm(), Metrics.CO2E_GRAMS).obtained(),
                    c.missing().get(Metrics.CO2E_GRAMS));
        }
        if (rows.isEmpty()) {
            return new Section(SectionKind.FOREST, List.of(), notes, "no ratio could be computed");
        }
        double noise = in.options().noise();
        ForestPlot plot = new ForestPlot("forest", "Ratios against " + in.baseline() + " (95 % intervals)",
                Axis.log("ratio arm / baseline", "1"), rows, noise > 0 ? new Interval(1 - noise, 1 + noise) : null);
        return Section.of(SectionKind.FOREST, List.of(plot), notes);
    }

    private static void add(List<ForestRow> rows, List<Note> notes, String arm, String metric, RatioComparison r,
                            Obtained how, String missing) {
        if (r == null || r.ratio() == null || !(r.ratio() > 0)) {
            notes.add(Note.info(arm + " " + metric + ": no ratio ("
                    + (r == null ? missing : r.ratio() == null ? r.intervalMissing() : "not positive") + ")"));
            return;
        }
        Interval i = r.interval() == null || !(r.interval().lower() > 0) ? null : Cells.interval(r.interval());
        if (r.interval() == null) {
            notes.add(Note.info(arm + " " + metric + ": no interval (" + r.intervalMissing() + ")"));
        }
        rows.add(new ForestRow(arm, metric, r.ratio(), i, Cells.obtained(how)));
    }

    static Section accuracyEnergy(TrialSelection s, ReportInputs in) {
        List<Series> trials = new ArrayList<>();
        List<Series> means = new ArrayList<>();
        int left = 0;
        for (Arm a : s.arms()) {
            List<Point> pts = new ArrayList<>();
            for (TrialRecord r : a.records()) {
                Double e = r.value(Metrics.ENERGY_JOULES);
                Double acc = r.value(Metrics.TEST_ACCURACY);
                if (e == null || acc == null) {
                    left++;
                    continue;
                }
                pts.add(Point.labelled(e / 1e3, acc * 100, a.name() + " seed " + r.spec().seed()));
            }
            if (pts.isEmpty()) {
                continue;
            }
            trials.add(new Series(a.name(), a.name(), pts));
            ReportInputs.Stat se = in.stat(a.name(), Metrics.ENERGY_JOULES);
            ReportInputs.Stat sa = in.stat(a.name(), Metrics.TEST_ACCURACY);
            means.add(new Series(a.name() + " mean", a.name(), List.of(new Point(se.summary().mean() / 1e3,
                    sa.summary().mean() * 100, scaled(se.summary().ci95(), 1e-3), scaled(sa.summary().ci95(), 100),
                    a.name() + " mean"))));
        }
        List<Note> notes = new ArrayList<>();
        if (left > 0) {
            notes.add(Note.leftOut(left, "trials", "no energy or accuracy figure"));
        }
        if (trials.isEmpty()) {
            return new Section(SectionKind.ACCURACY_ENERGY, List.of(), notes, "no trial has both energy and accuracy");
        }
        if (s.arms().stream().anyMatch(a -> in.stat(a.name(), Metrics.ENERGY_JOULES).obtained() == Obtained.MODELLED)) {
            notes.add(Note.info("Energy is modelled for some domains (see the badges above)."));
        }
        return Section.of(SectionKind.ACCURACY_ENERGY, List.of(new ScatterPlot("accuracy-energy",
                "Test accuracy against training energy", Axis.of("training energy", "kJ"),
                Axis.of("test accuracy", "%"), trials, means, Pareto.lowXHighY())), notes);
    }

    private static Interval scaled(io.joulebench.harness.stats.Interval i, double f) {
        return i == null ? null : new Interval(i.lower() * f, i.upper() * f);
    }

    /** Metric name, label, unit, scale. */
    private static final Object[][] STRIPS = {
        {Metrics.TEST_ACCURACY, "test accuracy", "%", 100.0},
        {Metrics.TRAINING_SECONDS, "training time", "s", 1.0},
        {Metrics.ENERGY_JOULES, "training energy", "kJ", 1e-3},
        {Metrics.CO2E_GRAMS, "CO2e", "g", 1.0},
    };

    static Section distributions(TrialSelection s, ReportInputs in) {
        List<Block> blocks = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Object[] m : STRIPS) {
            List<Series> arms = new ArrayList<>();
            for (Arm a : s.arms()) {
                List<Point> pts = new ArrayList<>();
                for (int i = 0; i < a.n(); i++) {
                    Double v = a.records().get(i).value((String) m[0]);
                    if (v != null) {
                        pts.add(Point.labelled(i, v * (double) m[3], a.name() + " seed "
                                + a.records().get(i).spec().seed()));
                    }
                }
                if (!pts.isEmpty()) {
                    arms.add(new Series(a.name(), a.name(), pts));
                }
            }
            if (arms.isEmpty()) {
                notes.add(Note.info("No " + m[1] + " figure in any trial."));
            } else {
                blocks.add(new StripPlot("strip-" + ((String) m[0]).toLowerCase(java.util.Locale.ROOT),
                        "Per-trial " + m[1], Axis.of((String) m[1], (String) m[2]), arms));
            }
        }
        if (blocks.isEmpty()) {
            return new Section(SectionKind.DISTRIBUTIONS, List.of(), notes, "no completed trial");
        }
        if (s.arms().stream().anyMatch(a -> in.stat(a.name(), Metrics.ENERGY_JOULES).obtained() == Obtained.MODELLED)) {
            notes.add(Note.info("Energy and CO2e include modelled domains (see the badges above)."));
        }
        return Section.of(SectionKind.DISTRIBUTIONS, blocks, notes);
    }
}
