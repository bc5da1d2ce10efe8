package io.joulebench.harness.result;

/**
 * How the trial was executed: facts, not configuration.
 *
 * @param forked          true when the trial ran in its own JVM (the default), false with {@code --no-fork}
 * @param exitStatus      the forked JVM's exit status; null in-process or while unknown
 * @param stderrTail      the last lines the forked JVM wrote to stderr when it failed; null otherwise
 * @param wallSeconds     the whole trial as the parent saw it (JVM start, data load, training, test)
 * @param cooldownSeconds cool-down waited before this trial; null when none
 * @param cooldownNote    how the cool-down ended (fixed, back to idle, timed out)
 * @param idleAgeSeconds  age of the idle baseline this trial used when it started; null without one
 * @param order           position in the suite's executed order (1-based); null outside suites
 */
public record Execution(boolean forked, Integer exitStatus, String stderrTail, Double wallSeconds,
                        Double cooldownSeconds, String cooldownNote, Double idleAgeSeconds, Integer order) {
    public static Execution inProcess() {
        return new Execution(false, null, null, null, null, null, null, null);
    }

    /** The facts the suite runner adds around the executor's. */
    public Execution inSuite(Double cooldown, String cooldownHow, Double idleAge, Integer position) {
        return new Execution(forked, exitStatus, stderrTail, wallSeconds, cooldown, cooldownHow, idleAge, position);
    }
}
