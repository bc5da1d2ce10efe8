package io.joulebench.harness.cli;

import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console summary: one row per trial, columns aligned, "n/a" for anything missing. */
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
                        : String.format(Locale.ROOT, "%.3f", r.value(Metrics.CO2E_GRAMS)),
                r.memory() == null || r.memory().peakRssBytes() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.0f", r.memory().peakRssBytes() / 1048576.0),
                r.completed() ? "ok" : "FAILED: " + r.error()});
        }
        return format(rows) + footnote(records);
    }

    /** Gross or net training energy over the metered domains; "*" marks a figure that includes a model. */
    static String energy(TrialRecord r, boolean net) {
        if (r.energy() == null) {
            return "n/a";
        }
        EnergyRecord e = r.energy();
        Double joules = net ? e.totals().netJoules() : e.totals().joules();
        if (joules == null) {
            return "n/a";
        }
        boolean modelled = e.domains().stream().anyMatch(d -> d.obtained() == Obtained.MODELLED);
        return String.format(Locale.ROOT, "%.1f%s", joules, modelled ? "*" : "");
    }

    /** Mean gross power over the training window. */
    static String averageWatts(TrialRecord r) {
        Double watts = r.value(Metrics.MEAN_POWER_WATTS);
        return watts == null ? "n/a" : String.format(Locale.ROOT, "%.1f", watts);
    }

    /** The footnote the table needs, or empty. */
    static String footnote(List<TrialRecord> records) {
        boolean modelled = records.stream().anyMatch(r -> r.energy() != null && r.energy().domains()
                .stream().anyMatch(d -> d.obtained() == Obtained.MODELLED));
        return modelled ? "* includes MODELLED domains: an estimate from load and TDP, not a measurement (see"
                + " docs/energy.md)\n" : "";
    }

    /** The architecture in a few characters, from the parameters that define it. */
    static String model(TrialRecord r) {
        java.util.Map<String, String> p = r.spec().parameters();
        if (p.containsKey("hidden")) {
            return "mlp " + p.get("hidden").replace(",", "x");
        }
        if (p.containsKey("channels")) {
            return "cnn " + p.get("channels").replace(",", "-");
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
