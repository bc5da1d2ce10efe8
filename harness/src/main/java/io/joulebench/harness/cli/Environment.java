package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import java.util.Map;

/**
 * Checks the environment variables that native libraries read before anything loads them: ND4J parses
 * {@code OMP_NUM_THREADS} with {@code Integer.parseInt} deep in its static initialiser, so a bad value would
 * otherwise surface as a forty-line stack trace.
 */
final class Environment {
    private Environment() {
    }

    /** @throws InvalidConfigurationException one line naming the variable and the fix */
    static void check(Map<String, String> env) {
        String omp = env.get("OMP_NUM_THREADS");
        if (omp != null && !isPositiveInt(omp.strip())) {
            throw new InvalidConfigurationException("OMP_NUM_THREADS='" + omp + "' is not a positive whole number;"
                    + " set e.g. OMP_NUM_THREADS=1 (the launcher's default) or unset it");
        }
    }

    private static boolean isPositiveInt(String s) {
        try {
            return Integer.parseInt(s) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
