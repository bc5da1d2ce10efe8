package io.joulebench.harness.analysis;

import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.stats.AccuracyComparison;
import io.joulebench.harness.stats.Agreement;
import io.joulebench.harness.stats.CostVerdict;
import io.joulebench.harness.stats.Interval;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as console text, Locale.ROOT, readable at 120 columns: a table per arm, then one per comparison. */
public final class StatsTable {
    static final String NA_SMALL_N = "n/a (n < " + Summary.MIN_N_FOR_INTERVAL + ")";
    private static final String ARM_ROW = "  %-28s %3s %10s %-22s %9s %6s %10s %10s %10s%n";
    private static final String CMP_ROW = "  %-28s %-30s %-24s %s%n";
    private static final int WIDTH = 120;

    private StatsTable() {
    }

    /** What {@code suite} prints at its end: the records analysed and rendered. */
    public static String summary(List<TrialRecord> records, AnalysisOptions options) {
        return render(Analysis.analyse(records, options));
    }

    public static String render(StatsReport report) {
        StringBuilder sb = new StringBuilder();
        for (ArmStats a : report.arms()) {
            arm(sb, a);
        }
        for (ComparisonStats c : report.comparisons()) {
            comparison(sb, c);
        }
        report.notes().forEach(n -> Format.wrap(sb, "note: ", "      ", n, WIDTH));
        return sb.toString();
    }

    private static void arm(StringBuilder sb, ArmStats a) {
        sb.append(String.format(Locale.ROOT, "arm %s (%s, %s) - %s - n = %d%n", a.id(), a.trainer(), a.dataset(),
                a.protocol(), a.n()));
        if (!a.leftOut().isEmpty()) {
            Map<String, Integer> why = new LinkedHashMap<>();
            a.leftOut().forEach(l -> why.merge(l.reason(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            why.forEach((r, c) -> parts.add(c + " x " + r));
            Format.wrap(sb, "  left out: ", "    ", String.join("; ", parts), WIDTH);
        }
        sb.append(String.format(Locale.ROOT, ARM_ROW, "metric", "n", "mean", "95 % interval", "sd", "CV", "median",
                "min", "max"));
        for (MetricSummary m : a.metrics().values()) {
            String unit = Format.shownUnit(m.name(), m.unit());
            String name = m.name() + (unit.isEmpty() ? "" : " (" + unit + ")");
            Summary s = m.summary();
            if (s == null) {
                sb.append(String.format(Locale.ROOT, ARM_ROW, name, "0", "n/a", "", "", "", "", "", ""));
            } else {
                sb.append(String.format(Locale.ROOT, ARM_ROW, name, s.n(), f(m, s.mean()), interval(m, s),
                        Double.isNaN(s.sd()) ? "n/a" : f(m, s.sd()),
                        Double.isNaN(s.cv()) ? "n/a" : Format.one(100 * s.cv()) + "%", f(m, s.median()),
                        f(m, s.min()), f(m, s.max())));
            }
            List<String> flags = new ArrayList<>();
            if (s != null && !s.outliers().indexes().isEmpty()) {
                List<String> out = new ArrayList<>();
                s.outliers().indexes().forEach(i -> out.add(f(m, s.values().get(i)) + " (seed " + m.seeds().get(i)
                        + ")"));
                flags.add("outlier(s): " + String.join(", ", out));
            }
            if (m.modelled()) {
                flags.add("modelled");
            }
            if (m.missingNote() != null) {
                flags.add(m.missingNote());
            }
            flags(sb, flags);
        }
        sb.append('\n');
    }

    private static String f(MetricSummary m, double v) {
        return Format.number(Format.scale(m.name(), m.unit(), v));
    }

    private static String interval(MetricSummary m, Summary s) {
        Interval i = s.ci95();
        return i == null ? NA_SMALL_N : "[" + f(m, i.lower()) + ", " + f(m, i.upper()) + "]";
    }

    private static void comparison(StringBuilder sb, ComparisonStats c) {
        sb.append(String.format(Locale.ROOT, "%s vs %s - %s - %s%n", c.arm(), c.baseline(), c.protocol(),
                c.pairingNote()));
        c.notes().forEach(n -> Format.wrap(sb, "  ", "    ", n, WIDTH));
        sb.append(String.format(Locale.ROOT, CMP_ROW, "metric", "change [95 % bootstrap]", "Fieller [95 %]",
                "verdict"));
        for (MetricComparison m : c.metrics().values()) {
            ratioRow(sb, c.arm(), m);
        }
        if (c.accuracy() != null) {
            accuracyRow(sb, c.arm(), c.accuracy());
        }
        sb.append('\n');
    }

    private static void ratioRow(StringBuilder sb, String arm, MetricComparison m) {
        RatioComparison r = m.ratio();
        List<String> flags = new ArrayList<>(m.notes());
        if (r == null) {
            sb.append(String.format(Locale.ROOT, CMP_ROW, m.name(), "n/a", "", ""));
            flags.add(0, m.missing());
        } else {
            String change = r.interval() == null && r.ratio() != null && Math.min(r.nX(), r.nY())
                    < Summary.MIN_N_FOR_INTERVAL ? Format.one(r.percentChange()) + " % " + NA_SMALL_N
                    : r.formatPercentChange();
            Interval fi = r.fieller() == null ? null : r.fieller().interval();
            String fieller = fi == null ? "n/a" : "[" + Format.one(100 * fi.lower() - 100) + ", "
                    + Format.one(100 * fi.upper() - 100) + "]";
            sb.append(String.format(Locale.ROOT, CMP_ROW, m.name(), change, fieller, costVerdict(arm, r.verdict())));
            if (r.agreement() == Agreement.DISAGREE) {
                flags.add(0, "bootstrap and Fieller intervals disagree");
            }
            if (r.fieller() != null && r.fieller().undefinedReason() != null) {
                flags.add("Fieller: " + r.fieller().undefinedReason());
            }
        }
        if (m.adjustedPValue() != null) {
            flags.add(0, holm(m.level(), m.familySize(), m.adjustedPValue()));
        }
        if (m.modelled()) {
            flags.add(0, "modelled");
        }
        flags(sb, flags);
    }

    private static void accuracyRow(StringBuilder sb, String arm, AccuracyResult a) {
        AccuracyComparison c = a.comparison();
        List<String> flags = new ArrayList<>(a.notes());
        String name = Metrics.TEST_ACCURACY + " (pp)";
        if (c == null) {
            sb.append(String.format(Locale.ROOT, CMP_ROW, name, "n/a", "", ""));
            flags.add(0, a.missing());
        } else {
            Interval i = c.interval();
            String diff = (c.differencePp() >= 0 ? "+" : "") + Format.two(c.differencePp()) + " pp "
                    + (i == null ? NA_SMALL_N : "[" + Format.two(i.lower()) + ", " + Format.two(i.upper()) + "]");
            String verdict = switch (c.verdict()) {
                case EQUIVALENT -> "equivalent (within " + Format.two(c.options().equivalenceMarginPp()) + " pp)";
                case BETTER -> arm + " more accurate";
                case WORSE -> arm + " less accurate";
                case UNCLEAR -> "unclear";
            };
            sb.append(String.format(Locale.ROOT, CMP_ROW, name, diff, "", verdict));
        }
        if (a.adjustedPValue() != null) {
            flags.add(0, holm(a.level(), a.familySize(), a.adjustedPValue()));
        }
        flags(sb, flags);
    }

    /** A row's flags on one line below it (wrapped), so the table's columns stay within 120. */
    private static void flags(StringBuilder sb, List<String> flags) {
        if (!flags.isEmpty()) {
            Format.wrap(sb, "      ^ ", "        ", String.join("; ", flags), WIDTH);
        }
    }

    private static String holm(double level, int size, double p) {
        return String.format(Locale.ROOT, "Holm-adjusted %s interval (family of %d), adjusted p = %.3g",
                Format.percentLevel(level), size, p);
    }

    private static String costVerdict(String arm, CostVerdict v) {
        return switch (v) {
            case CHEAPER -> arm + " cheaper";
            case COSTLIER -> arm + " costlier";
            case NO_DETECTABLE_DIFFERENCE -> "no detectable difference";
        };
    }
}
