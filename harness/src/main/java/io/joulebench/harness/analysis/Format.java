package io.joulebench.harness.analysis;

import io.joulebench.harness.result.Metrics;
import java.util.Locale;

/** Numbers for people, Locale.ROOT: accuracy in percent, bytes in MiB, else four significant digits or so. */
final class Format {
    private Format() {
    }

    /** The unit shown for a metric, after the scaling {@link #scale} applies. */
    static String shownUnit(String name, String unit) {
        if (Metrics.TEST_ACCURACY.equals(name)) {
            return "%";
        }
        return "B".equals(unit) ? "MiB" : "1".equals(unit) ? "" : unit;
    }

    static double scale(String name, String unit, double v) {
        if (Metrics.TEST_ACCURACY.equals(name)) {
            return 100 * v;
        }
        return "B".equals(unit) ? v / (1 << 20) : v;
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        // About four significant digits, never fewer than the integer part.
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code text} wrapped at {@code width} columns, the first line after {@code first}, the rest after
     * {@code more}. */
    static void wrap(StringBuilder sb, String first, String more, String text, int width) {
        String prefix = first;
        String rest = text;
        while (prefix.length() + rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width - prefix.length());
            if (cut <= 0) {
                break;
            }
            sb.append(prefix).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut + 1);
            prefix = more;
        }
        sb.append(prefix).append(rest).append('\n');
    }

    static String one(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.equals("-0.0") ? "0.0" : s;
    }

    static String two(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    static String percentLevel(double level) {
        return one(100 * level) + " %";
    }
}
