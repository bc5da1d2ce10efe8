package io.joulebench.reports;

import io.joulebench.reports.emissions.CodeCarbonColumn;
import io.joulebench.reports.emissions.EmissionsRow;
import io.joulebench.reports.model.Axis;
import io.joulebench.reports.model.BarStack;
import io.joulebench.reports.model.Block;
import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.DomainBadge;
import io.joulebench.reports.model.Fact;
import io.joulebench.reports.model.FactGroup;
import io.joulebench.reports.model.ForestPlot;
import io.joulebench.reports.model.ForestRow;
import io.joulebench.reports.model.Interval;
import io.joulebench.reports.model.LinePlot;
import io.joulebench.reports.model.Marker;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Obtained;
import io.joulebench.reports.model.Paragraph;
import io.joulebench.reports.model.Pareto;
import io.joulebench.reports.model.Point;
import io.joulebench.reports.model.Preformatted;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.ScatterPlot;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import io.joulebench.reports.model.Series;
import io.joulebench.reports.model.StackedBars;
import io.joulebench.reports.model.StripPlot;
import io.joulebench.reports.model.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic sample report for tests, the browser check and the committed screenshot: three arms on
 * Fashion-MNIST, CPU and DRAM energy modelled (no RAPL), GPU unavailable, power traces for one trial per arm.
 */
public final class SampleReports {
    public static final String HOSTILE = "<script>alert(1)</script> \"q\" 'a' & 50% $x #1 _u_ {b} ~t ^c \\p |pipe|"
            + "\nline2 ünï Σ 🔋 </script><!--";

    /** The arm names used by {@link #sample()}. */
    public static final List<String> ARMS = List.of("bp-mlp", "ff", "cafo-rand");

    private final List<String> arms;
    private final int trialsPerArm;
    private final int tracePoints;
    private final String title;
    // Fixed seed: the fixture is data, the same on every run.
    private final SplittableRandom random = new SplittableRandom(20250919);
    private final List<Trial> trials = new ArrayList<>();

    private record Trial(String id, String arm, int seed, double accuracy, double seconds, double kJ, double cpuKJ,
                         double dramKJ, double gCo2) {
    }

    private SampleReports(String title, List<String> arms, int trialsPerArm, int tracePoints) {
        this.title = title;
        this.arms = arms;
        this.trialsPerArm = trialsPerArm;
        this.tracePoints = tracePoints;
        double[] acc = {0.887, 0.861, 0.842, 0.853};
        double[] sec = {182, 240, 95, 150};
        for (int a = 0; a < arms.size(); a++) {
            for (int t = 0; t < trialsPerArm; t++) {
                double seconds = sec[a % 4] * (1 + 0.04 * random.nextGaussian());
                double cpu = seconds * 0.055 * (1 + 0.03 * random.nextGaussian());
                double dram = seconds * 0.004;
                double kJ = cpu + dram;
                trials.add(new Trial("t" + a + "-" + t, arms.get(a), 1000 + t,
                        acc[a % 4] + 0.004 * random.nextGaussian(), seconds, kJ, cpu, dram, kJ / 3600 * 380));
            }
        }
    }

    public static Report sample() {
        return new SampleReports("JouleBench report: Fashion-MNIST, three arms", ARMS, 5, 600).build();
    }

    public static List<EmissionsRow> sampleEmissions() {
        return new SampleReports("x", ARMS, 5, 600).emissions();
    }

    /** Every name a caller might pass, made hostile to HTML, LaTeX, CSV, Markdown and JSON at once. */
    public static Report hostile() {
        return new SampleReports(HOSTILE, List.of(HOSTILE, "ff & co", "a|b"), 3, 200).build();
    }

    /** The benchmark's size: 4 arms of trialsPerArm, traces of 2 000 points per domain for one trial per arm. */
    public static SampleReports large(int trialsPerArm) {
        return new SampleReports(trialsPerArm * 4 + " trials", List.of("bp-mlp", "ff", "cafo-rand", "mf"),
                trialsPerArm, 2000);
    }

    public Report build() {
        List<Section> sections = List.of(
                Section.of(SectionKind.PROVENANCE, List.of(), List.of(Note.info("Configuration: suites/fmnist.yaml"))),
                Section.of(SectionKind.HEADLINE, headline()),
                reference(),
                Section.of(SectionKind.FOREST, forest()),
                Section.of(SectionKind.ACCURACY_ENERGY, scatter()),
                distributions(),
                power(),
                learning(),
                breakdown(),
                carbon(),
                appendix());
        return new Report(title, "Generated 2026-11-28T20:00:00Z by JouleBench 0.1.0-SNAPSHOT", provenance(),
                List.of(new DomainBadge("CPU package", Obtained.MODELLED, "model", "TDP x utilisation: no RAPL counter readable"),
                        new DomainBadge("DRAM", Obtained.MODELLED, "model", "0.375 W/GB: no RAPL dram zone"),
                        new DomainBadge("GPU", Obtained.UNAVAILABLE, "", "no NVIDIA driver (libnvidia-ml.so.1 not found)")),
                sections, List.of(Note.leftOut(1, "trial", "status FAILED: out of memory")));
    }

    private List<FactGroup> provenance() {
        return List.of(
                new FactGroup("Software", List.of(Fact.of("Commit", "29b83cb"), Fact.of("JDK", "17.0.15+6"),
                        Fact.of("JouleBench", "0.1.0-SNAPSHOT"), Fact.of("Arms", String.join(", ", arms)))),
                new FactGroup("Machine", List.of(Fact.of("CPU", "AMD EPYC 7B13, 2 cores"),
                        Fact.missing("GPU", "none detected"), Fact.missing("Driver", "no GPU"),
                        Fact.of("OS", "Linux 6.1 amd64"), Fact.of("RAM", "8 GB"))),
                new FactGroup("Datasets", List.of(Fact.of("fashion-mnist train SHA-256",
                        "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"))),
                new FactGroup("Carbon", List.of(Fact.of("Grid intensity", "380 gCO2e/kWh (DE, Ember 2024)"),
                        Fact.of("PUE", "1.0"))),
                new FactGroup("Protocol", List.of(Fact.of("Seeds", "1000-" + (1000 + trialsPerArm - 1)),
                        Fact.of("n per arm", Integer.toString(trialsPerArm)),
                        Fact.of("Order", "shuffled, 60 s idle baseline, 30 s cool-down"))));
    }

    private List<Trial> of(String arm) {
        return trials.stream().filter(t -> t.arm.equals(arm)).toList();
    }

    private static double mean(List<Trial> ts, java.util.function.ToDoubleFunction<Trial> f) {
        return ts.stream().mapToDouble(f).average().orElseThrow();
    }

    private static double sd(List<Trial> ts, java.util.function.ToDoubleFunction<Trial> f) {
        double m = mean(ts, f);
        return Math.sqrt(ts.stream().mapToDouble(t -> Math.pow(f.applyAsDouble(t) - m, 2)).sum() / (ts.size() - 1));
    }

    private static Interval ci(List<Trial> ts, java.util.function.ToDoubleFunction<Trial> f) {
        double m = mean(ts, f);
        double h = 2.776 * sd(ts, f) / Math.sqrt(ts.size());
        return new Interval(m - h, m + h);
    }

    /** The paper-style table; public so golden tests pin its formats. */
    public Table headline() {
        List<List<Cell>> rows = new ArrayList<>();
        double base = mean(of(arms.get(0)), Trial::kJ);
        for (String arm : arms) {
            List<Trial> ts = of(arm);
            double kJ = mean(ts, Trial::kJ);
            Interval e = ci(ts, Trial::kJ);
            boolean isBase = arm.equals(arms.get(0));
            rows.add(List.of(Cell.text(arm),
                    Cell.measured(100 * mean(ts, Trial::accuracy), "%", 1).withSpread(100 * sd(ts, Trial::accuracy), ts.size()),
                    Cell.measured(mean(ts, Trial::seconds), "s", 0).withInterval(ci(ts, Trial::seconds)),
                    Cell.modelled(kJ, "kJ", 2, "CPU and DRAM from the TDP model").withInterval(e),
                    isBase ? Cell.unavailable("baseline arm") : Cell.modelled(kJ / base, "x", 2, null)
                            .withInterval(e.lo() / base, e.hi() / base),
                    Cell.modelled(mean(ts, Trial::gCo2), "g", 1, "energy x 380 gCO2e/kWh"),
                    Cell.text(isBase ? "baseline" : kJ < base ? "cheaper" : "costlier")));
        }
        return new Table("headline", "Fashion-MNIST: accuracy, time and energy per arm",
                List.of(Column.of("Arm"), Column.of("Accuracy", "%"), Column.of("Training time", "s"),
                        Column.of("Energy", "kJ"), Column.of("Energy ratio vs " + arms.get(0), "x"),
                        Column.of("CO2e", "g"), Column.of("Verdict")),
                rows, List.of("Intervals: 95 % t-intervals over trials."));
    }

    private Section reference() {
        List<List<Cell>> rows = new ArrayList<>();
        double base = mean(of(arms.get(0)), Trial::kJ);
        double[] study = {1.00, 1.31, 0.52, 0.91};
        for (int a = 1; a < arms.size(); a++) {
            double ours = mean(of(arms.get(a)), Trial::kJ) / base;
            double theirs = study[a % 4];
            boolean agree = Math.signum(ours - 1) == Math.signum(theirs - 1);
            rows.add(List.of(Cell.text(arms.get(a)), Cell.measured(theirs, "x", 2), Cell.modelled(ours, "x", 2, null),
                    Cell.text(agree ? "agrees" : "disagrees")));
        }
        rows.add(List.of(Cell.text("mf"), Cell.measured(0.91, "x", 2), Cell.unavailable("arm not run in this suite"),
                Cell.unavailable("arm not run in this suite")));
        Table t = new Table("reference", "Energy ratio vs " + arms.get(0) + ": study against ours",
                List.of(Column.of("Arm"), Column.of("Study", "x"), Column.of("Ours", "x"), Column.of("Direction")),
                rows, List.of("Study: arXiv 2509.19063, Table 3 (shipped as reference/beyond-bp.csv)."));
        return Section.of(SectionKind.REFERENCE, t);
    }

    private ForestPlot forest() {
        List<ForestRow> rows = new ArrayList<>();
        String baseArm = arms.get(0);
        for (String arm : arms.subList(1, arms.size())) {
            for (String metric : List.of("energy", "time", "CO2e")) {
                java.util.function.ToDoubleFunction<Trial> f = metric.equals("time") ? Trial::seconds
                        : metric.equals("energy") ? Trial::kJ : Trial::gCo2;
                double base = mean(of(baseArm), f);
                Interval i = ci(of(arm), f);
                rows.add(new ForestRow(arm, metric, mean(of(arm), f) / base,
                        new Interval(i.lo() / base, i.hi() / base),
                        metric.equals("time") ? Obtained.MEASURED : Obtained.MODELLED));
            }
        }
        return new ForestPlot("forest-ratios", "Ratio vs " + baseArm + " (95 % intervals)",
                Axis.log("Ratio vs " + baseArm, "x"), rows, new Interval(0.95, 1.05));
    }

    private ScatterPlot scatter() {
        List<Series> pts = new ArrayList<>();
        List<Series> means = new ArrayList<>();
        for (String arm : arms) {
            List<Trial> ts = of(arm);
            pts.add(new Series(arm, arm, ts.stream().map(t -> Point.labelled(t.kJ, 100 * t.accuracy, t.id)).toList()));
            Interval ex = ci(ts, Trial::kJ);
            Interval ey = ci(ts, t -> 100 * t.accuracy);
            means.add(new Series(arm, arm, List.of(new Point(mean(ts, Trial::kJ), 100 * mean(ts, Trial::accuracy),
                    ex, ey, arm + " mean"))));
        }
        return new ScatterPlot("accuracy-energy", "Accuracy against energy (modelled)",
                Axis.of("Energy per trial", "kJ"), Axis.of("Test accuracy", "%"), pts, means, Pareto.lowXHighY());
    }

    private Section distributions() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(strip("dist-accuracy", "Test accuracy per trial", Axis.of("Test accuracy", "%"), t -> 100 * t.accuracy));
        blocks.add(strip("dist-energy", "Energy per trial (modelled)", Axis.of("Energy", "kJ"), Trial::kJ));
        blocks.add(strip("dist-time", "Training time per trial", Axis.of("Training time", "s"), Trial::seconds));
        return Section.of(SectionKind.DISTRIBUTIONS, blocks, List.of());
    }

    private StripPlot strip(String id, String title, Axis y, java.util.function.ToDoubleFunction<Trial> f) {
        return new StripPlot(id, title, y, arms.stream().map(arm -> new Series(arm, arm,
                of(arm).stream().map(t -> Point.of(0, f.applyAsDouble(t))).toList())).toList());
    }

    private Section power() {
        List<Block> blocks = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            Trial t = of(arms.get(a)).get(0);
            int epochs = 5;
            List<Point> cpu = new ArrayList<>();
            List<Point> dram = new ArrayList<>();
            for (int i = 0; i < tracePoints; i++) {
                double s = t.seconds * i / (tracePoints - 1);
                boolean boundary = (s % (t.seconds / epochs)) < t.seconds / 60;
                cpu.add(Point.of(s, (boundary ? 18 : 52) + 3 * Math.sin(i / 7.0)));
                dram.add(Point.of(s, 3.1 + 0.2 * Math.cos(i / 11.0)));
            }
            List<Marker> marks = new ArrayList<>();
            for (int e = 1; e < epochs; e++) {
                marks.add(new Marker("epoch " + e, t.seconds * e / epochs));
            }
            blocks.add(new LinePlot("power-" + a, "Power, trial " + t.id + " (" + t.arm + ")",
                    Axis.of("Time since start", "s"), Axis.of("Power", "W"),
                    List.of(new Series("CPU package (modelled)", "CPU", cpu), new Series("DRAM (modelled)", "DRAM", dram)),
                    marks, List.of(new Marker("idle 11.5 W", 11.5)), new Interval(0, t.seconds), "measured window"));
        }
        return Section.of(SectionKind.POWER, blocks, List.of(Note.info("GPU: no trace (domain unavailable)."),
                Note.info("One representative trial per arm; traces downsampled to " + tracePoints + " points per domain.")));
    }

    private Section learning() {
        List<Series> vsEnergy = new ArrayList<>();
        List<Series> vsTime = new ArrayList<>();
        for (String arm : arms) {
            Trial t = of(arm).get(0);
            List<Point> e = new ArrayList<>();
            List<Point> s = new ArrayList<>();
            for (int ep = 1; ep <= 10; ep++) {
                double acc = 100 * t.accuracy * (1 - Math.exp(-ep / 2.5));
                e.add(Point.of(t.kJ * ep / 10, acc));
                s.add(Point.of(t.seconds * ep / 10, acc));
            }
            vsEnergy.add(new Series(arm, arm, e));
            vsTime.add(new Series(arm, arm, s));
        }
        return Section.of(SectionKind.LEARNING, List.of(
                LinePlot.of("learning-energy", "Validation accuracy against cumulative energy",
                        Axis.of("Cumulative energy", "kJ"), Axis.of("Validation accuracy", "%"), vsEnergy),
                LinePlot.of("learning-time", "Validation accuracy against wall time",
                        Axis.of("Wall time", "s"), Axis.of("Validation accuracy", "%"), vsTime)), List.of());
    }

    private Section breakdown() {
        List<Double> cpuActive = new ArrayList<>();
        List<Double> cpuIdle = new ArrayList<>();
        List<Double> dram = new ArrayList<>();
        for (String arm : arms) {
            List<Trial> ts = of(arm);
            double idle = mean(ts, Trial::seconds) * 11.5 / 1000;
            cpuIdle.add(idle);
            cpuActive.add(mean(ts, Trial::cpuKJ) - idle);
            dram.add(mean(ts, Trial::dramKJ));
        }
        return Section.of(SectionKind.BREAKDOWN, List.of(new StackedBars("breakdown", "Energy by domain, idle vs active",
                "Arm", Axis.of("Energy per trial", "kJ"), arms, List.of(
                        new BarStack("CPU idle", cpuIdle, Obtained.MODELLED),
                        new BarStack("CPU active", cpuActive, Obtained.MODELLED),
                        new BarStack("DRAM", dram, Obtained.MODELLED)))),
                List.of(Note.info("GPU left out: unavailable (no NVIDIA driver).")));
    }

    private Section carbon() {
        List<List<Cell>> grams = new ArrayList<>();
        for (String arm : arms) {
            grams.add(List.of(Cell.text(arm), Cell.modelled(mean(of(arm), Trial::gCo2), "g", 2, null)));
        }
        String[][] regions = {{"France", "56"}, {"Germany", "380"}, {"Poland", "662"}, {"Iceland", "28"}};
        List<List<Cell>> whatIf = new ArrayList<>();
        for (String[] r : regions) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(r[0]), Cell.measured(Double.parseDouble(r[1]), "g/kWh", 0)));
            for (String arm : arms) {
                row.add(Cell.modelled(mean(of(arm), Trial::kJ) / 3600 * Double.parseDouble(r[1]), "g", 2, null));
            }
            whatIf.add(row);
        }
        List<Column> cols = new ArrayList<>(List.of(Column.of("Region"), Column.of("Intensity", "gCO2e/kWh")));
        arms.forEach(a -> cols.add(Column.of(a, "g")));
        return Section.of(SectionKind.CARBON, List.of(
                new Table("carbon", "CO2e per trial at 380 gCO2e/kWh (DE)", List.of(Column.of("Arm"), Column.of("CO2e", "g")), grams),
                new Paragraph("Had this run elsewhere: the same energy at other grids' average intensity (Ember 2024)."),
                new Table("carbon-what-if", "What if: CO2e per trial by region", cols, whatIf)), List.of());
    }

    private Section appendix() {
        List<List<Cell>> rows = new ArrayList<>();
        for (Trial t : trials) {
            rows.add(List.of(Cell.text(t.id), Cell.text(t.arm), Cell.measured(t.seed, "", 0),
                    Cell.measured(100 * t.accuracy, "%", 2), Cell.measured(t.seconds, "s", 1),
                    Cell.modelled(t.kJ, "kJ", 3, null), Cell.unavailable("no GPU"), Cell.text("OK")));
        }
        Table raw = new Table("raw-trials", "Every trial", List.of(Column.of("Trial"), Column.of("Arm"),
                Column.of("Seed"), Column.of("Accuracy", "%"), Column.of("Time", "s"), Column.of("Energy", "kJ"),
                Column.of("GPU energy", "kJ"), Column.of("Status")), rows);
        return Section.of(SectionKind.APPENDIX, List.of(
                new Paragraph("Each arm ran " + trialsPerArm + " trials in a shuffled order; the figures are means over trials."),
                new Preformatted("mean  = (1/n) sum x_i\nsd    = sqrt( sum (x_i - mean)^2 / (n - 1) )\n"
                        + "95 % CI of a mean: mean +- t(0.975, n-1) * sd / sqrt(n)\n"
                        + "ratio CI: Fieller's interval on mean_arm / mean_baseline"),
                raw), List.of(Note.warning("Flag: CPU energy modelled on every trial (no RAPL)."),
                Note.leftOut(1, "trial", "status FAILED: out of memory")));
    }

    public List<EmissionsRow> emissions() {
        List<EmissionsRow> rows = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2026, 11, 28, 18, 0, 0);
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            rows.add(EmissionsRow.builder()
                    .timestamp(start.plusSeconds(300L * i))
                    .text(CodeCarbonColumn.PROJECT_NAME, "joulebench")
                    .text(CodeCarbonColumn.RUN_ID, t.id)
                    .text(CodeCarbonColumn.EXPERIMENT_ID, t.arm)
                    .number(CodeCarbonColumn.DURATION, t.seconds)
                    .number(CodeCarbonColumn.EMISSIONS, t.gCo2 / 1000)
                    .number(CodeCarbonColumn.EMISSIONS_RATE, t.gCo2 / 1000 / t.seconds)
                    .number(CodeCarbonColumn.CPU_POWER, t.cpuKJ * 1000 / t.seconds)
                    .number(CodeCarbonColumn.RAM_POWER, t.dramKJ * 1000 / t.seconds)
                    .number(CodeCarbonColumn.CPU_ENERGY, t.cpuKJ / 3600)
                    .number(CodeCarbonColumn.RAM_ENERGY, t.dramKJ / 3600)
                    .number(CodeCarbonColumn.ENERGY_CONSUMED, t.kJ / 3600)
                    .text(CodeCarbonColumn.COUNTRY_NAME, "Germany")
                    .text(CodeCarbonColumn.COUNTRY_ISO_CODE, "DEU")
                    .text(CodeCarbonColumn.OS, "Linux-6.1-amd64")
                    .count(CodeCarbonColumn.CPU_COUNT, 2)
                    .text(CodeCarbonColumn.CPU_MODEL, "AMD EPYC 7B13")
                    .count(CodeCarbonColumn.GPU_COUNT, 0)
                    .number(CodeCarbonColumn.RAM_TOTAL_SIZE, 8)
                    .text(CodeCarbonColumn.TRACKING_MODE, "process")
                    .onCloud(false)
                    .number(CodeCarbonColumn.PUE, 1.0)
                    .extra("joulebench_version", "0.1.0-SNAPSHOT")
                    .extra("cpu_energy_obtained", "modelled")
                    .build());
        }
        return rows;
    }
}
