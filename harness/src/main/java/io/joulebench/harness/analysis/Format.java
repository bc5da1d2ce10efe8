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
        return "B".equals(unit) ? "MiB" : unit;
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
        String f = a == 0 ? "%.0f" : a >= 1e6 || a < 1e-3 ? "%.3e" : a >= 1000 ? "%.0f" : a >= 100 ? "%.1f"
                : a >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
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
