package io.joulebench.harness.result;

import java.util.Objects;

/**
 * One result value as data. A value that could not be obtained is null with {@code obtained = unavailable} and a
 * reason, never 0.
 *
 * @param name        stable machine name, e.g. {@code energyJoules} or {@code energyJoules.cpu-package}
 * @param label       what a person reads
 * @param value       the number, or null
 * @param unit        SI-style unit: {@code s}, {@code J}, {@code W}, {@code B}, {@code g}, {@code 1} (a fraction)
 * @param aggregation how trials of one arm combine: {@code mean} for every metric recorded per trial
 * @param obtained    how the value was obtained
 * @param reason      why the value is missing or qualified (partial, modelled); null when plain
 */
public record Metric(String name, String label, Double value, String unit, String aggregation, Obtained obtained,
                     String reason) {
    public static final String MEAN = "mean";

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(obtained, "obtained");
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " is not finite: " + value);
        }
        if (value == null && obtained != Obtained.UNAVAILABLE) {
            throw new IllegalArgumentException("metric " + name + " has no value but is " + obtained);
        }
    }

    public static Metric measured(String name, String label, Double value, String unit) {
        return value == null ? unavailable(name, label, unit, "not recorded")
                : new Metric(name, label, value, unit, MEAN, Obtained.MEASURED, null);
    }

    public static Metric unavailable(String name, String label, String unit, String reason) {
        return new Metric(name, label, null, unit, MEAN, Obtained.UNAVAILABLE, reason);
    }
}
