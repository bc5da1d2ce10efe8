package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.TrialRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The console summary: one row per trial, columns aligned, "n/a" for anything missing. Energy figures carry a mark
 * per caveat ("*" MODELLED, "~" PARTIAL, "!" UNAVAILABLE left out), each explained by a footnote naming the domains
 * and reasons.
 */
final class SummaryTable {
    private SummaryTable() {
    }

    static String render(List<TrialRecord> records) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"trainer", "model", "dataset", "preset", "seed", "test acc", "epochs", "stop", "train s",
                "energy J", "net J", "avg W", "CO2e g", "peak RSS MiB", "status"});
        for (TrialRecord r : records) {
            boolean ok = r.result() != null;
            rows.add(new String[] {
                r.spec().trainer(), model(r), r.spec().dataset(), r.spec().preset() == null ? "-" : r.spec().preset(),
                Long.toString(r.spec().seed()),
                ok ? String.format(Locale.ROOT, "%.2f%%", 100 * r.result().testAccuracy()) : "n/a",
                ok ? Integer.toString(r.result().epochsRun()) : "n/a",
                ok ? r.result().stopReason().replaceAll(" \\(.*", "") : "n/a",
                r.trainingSeconds() == null ? "n/a" : String.format(Locale.ROOT, "%.1f", r.trainingSeconds()),
                energy(r, false), energy(r, true), averageWatts(r),
                r.value(Metrics.CO2E_GRAMS) == null ? "n/a"
                        : String.format(Locale.ROOT, "%.3f", r.value(Metrics.CO2E_GRAMS))
                        + (processScope(r.energy()) ? ATTRIBUTED_MARK : "") + marks(r.energy()),
                r.memory() == null || r.memory().peakRssBytes() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.0f", r.memory().peakRssBytes() / 1048576.0),
                r.completed() ? "ok" : "FAILED: " + r.error()});
        }
        return format(rows) + footnote(records);
    }

    /** Mark of a figure that includes a MODELLED domain. */
    static final String MODELLED_MARK = "*";
    /** Mark of a figure that includes a PARTIAL domain (its figure misses part of the window). */
    static final String PARTIAL_MARK = "~";
    /** Mark of a figure that leaves out an UNAVAILABLE domain. */
    static final String UNAVAILABLE_MARK = "!";
    /** Mark of the process tree's ATTRIBUTED share, shown instead of the machine's figure under --scope process. */
    static final String ATTRIBUTED_MARK = "^";

    /** True when the trial was metered under --scope process. */
    static boolean processScope(EnergyRecord e) {
        return e != null && "process".equals(e.scope());
    }

    /** Gross or net training energy over the metered domains, with a mark for each class of caveat it carries. */
    static String energy(TrialRecord r, boolean net) {
        if (r.energy() == null) {
            return "n/a";
        }
        EnergyRecord e = r.energy();
        if (processScope(e)) { // idle power is the machine's: the tree's share has no net figure
            Double a = net || e.attributedTotals() == null ? null : e.attributedTotals().joules();
            return a == null ? "n/a" : String.format(Locale.ROOT, "%.1f", a) + ATTRIBUTED_MARK + marks(e);
        }
        Double joules = net ? e.totals().netJoules() : e.totals().joules();
        if (joules == null) {
            return "n/a" + (e.unavailableLeftOut().isEmpty() ? "" : UNAVAILABLE_MARK);
        }
        return String.format(Locale.ROOT, "%.1f", joules) + marks(e);
    }

    /** The marks of a report's totals: "*" modelled, "~" partial, "!" unavailable left out. */
    static String marks(EnergyRecord e) {
        boolean modelled = e.domains().stream().anyMatch(d -> d.obtained() == Obtained.MODELLED);
        return (modelled ? MODELLED_MARK : "") + (e.partialInTotal().isEmpty() ? "" : PARTIAL_MARK)
                + (e.unavailableLeftOut().isEmpty() ? "" : UNAVAILABLE_MARK);
    }

    /** Mean gross power over the training window. */
    static String averageWatts(TrialRecord r) {
        Double watts = r.value(Metrics.MEAN_POWER_WATTS);
        if (processScope(r.energy())) {
            EnergyRecord e = r.energy();
            watts = e.attributedTotals() == null || e.attributedTotals().joules() == null || e.windowSeconds() <= 0
                    ? null : e.attributedTotals().joules() / e.windowSeconds();
            return watts == null ? "n/a" : String.format(Locale.ROOT, "%.1f", watts) + ATTRIBUTED_MARK + marks(e);
        }
        return watts == null ? "n/a" : String.format(Locale.ROOT, "%.1f", watts) + marks(r.energy());
    }

    /** The footnotes the table needs (one per class of mark, naming the domains and reasons), or empty. */
    static String footnote(List<TrialRecord> records) {
        List<EnergyRecord> reports = records.stream().filter(r -> r.energy() != null)
                .map(TrialRecord::energy).toList();
        Set<String> modelled = new TreeSet<>();
        Set<String> partial = new LinkedHashSet<>();
        Set<String> unavailable = new LinkedHashSet<>();
        for (EnergyRecord e : reports) {
            e.domains().stream().filter(d -> d.obtained() == Obtained.MODELLED)
                    .forEach(d -> modelled.add(d.domain().name()));
            e.partialInTotal().forEach(d -> partial.add(d.domain().name() + " (" + d.reason() + ")"));
            e.unavailableLeftOut().forEach(d -> unavailable.add(d.domain().name() + " (" + d.reason() + ")"));
        }
        StringBuilder sb = new StringBuilder();
        if (reports.stream().anyMatch(SummaryTable::processScope)) {
            sb.append(ATTRIBUTED_MARK).append(" ATTRIBUTED (--scope process): the trial's share of the CPU package "
                    + "and DRAM (CPU time of its JVM and children / busy CPU time, per interval); GPUs not attributed;"
                    + " CO2e of that share\n");
        }
        if (!modelled.isEmpty()) {
            sb.append(MODELLED_MARK).append(" includes MODELLED domains: an estimate from load and TDP, not a "
                    + "measurement (see docs/energy.md): ").append(String.join(", ", modelled)).append('\n');
        }
        if (!partial.isEmpty()) {
            sb.append(PARTIAL_MARK).append(" includes PARTIAL domains, whose figures miss part of the window: ")
                    .append(String.join("; ", partial)).append('\n');
        }
        if (!unavailable.isEmpty()) {
            sb.append(UNAVAILABLE_MARK).append(" leaves out UNAVAILABLE domains (no figure): ")
                    .append(String.join("; ", unavailable)).append('\n');
        }
        return sb.toString();
    }

    /** The architecture in a few characters, from the parameters that define it. */
    static String model(TrialRecord r) {
        java.util.Map<String, String> p = r.spec().parameters();
        String hidden = p.get(TrainerParameters.HIDDEN.name());
        String channels = p.get(TrainerParameters.CHANNELS.name());
        if (p.containsKey("blocks")) { // NoProp: T denoising blocks, each a CNN image path
            return "noprop T" + p.get("blocks") + (channels == null ? "" : " cnn " + channels.replace(",", "-"));
        }
        if (hidden != null) {
            return "mlp " + hidden.replace(",", "x");
        }
        if (channels != null) {
            return "cnn " + channels.replace(",", "-");
        }
        return "-";
    }

    static String format(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                boolean last = c == row.length - 1;
                sb.append(last ? row[c] : String.format(Locale.ROOT, "%-" + widths[c] + "s  ", row[c]));
            }
            sb.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
        return sb.toString();
    }
}
