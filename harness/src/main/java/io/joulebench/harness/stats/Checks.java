package io.joulebench.harness.stats;

/** Input validation shared by every entry point: no NaN, no infinities, enough values, pairs of equal length. */
final class Checks {
    private Checks() {
    }

    static double[] finite(String name, double[] values, int minN) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (values.length < minN) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, at least " + minN + " needed");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                // A missing reading must be left out (never 0, never NaN), so a NaN here is a caller's bug.
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]
                        + ": leave missing readings out instead of passing a non-finite value");
            }
        }
        return values;
    }

    static void paired(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired comparison needs equal lengths, got " + x.length + " and "
                    + y.length + " (every arm trial needs its baseline trial with the same seed)");
        }
    }

    static double level(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        return level;
    }
}
