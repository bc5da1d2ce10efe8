package io.joulebench.harness.analysis;

import io.joulebench.harness.result.EpochRecord;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.TrialRecord;
import java.util.List;
import java.util.Locale;

/**
 * The to-target protocol, from epoch records with no extra runs: wall seconds, gross energy and data passes until
 * validation accuracy first reaches a target.
 */
final class ToTarget {
    static final String SECONDS = "secondsToTarget";
    static final String ENERGY = "energyJoulesToTarget";
    static final String DATA_PASSES = "dataPassesToTarget";
    static final List<String> NAMES = List.of(SECONDS, ENERGY, DATA_PASSES);

    private ToTarget() {
    }

    static String label(String name) {
        return switch (name) {
            case SECONDS -> "time to target";
            case ENERGY -> "energy to target";
            default -> "data passes to target";
        };
    }

    static String unit(String name) {
        return switch (name) {
            case SECONDS -> "s";
            case ENERGY -> "J";
            default -> "1";
        };
    }

    /** One trial's value of a to-target metric at {@code target} (a fraction). */
    static Observation observe(TrialRecord t, String name, double target) {
        List<EpochRecord> epochs = t.epochs();
        if (epochs.isEmpty()) {
            return missing(t, "no epoch records");
        }
        double seconds = 0;
        Double joules = 0.0;
        boolean anyAccuracy = false;
        double best = Double.NEGATIVE_INFINITY;
        for (EpochRecord e : epochs) {
            seconds += e.seconds();
            joules = joules == null || e.joules() == null ? null : joules + e.joules();
            Double acc = e.validationAccuracy();
            if (acc == null) {
                continue;
            }
            anyAccuracy = true;
            best = Math.max(best, acc);
            if (acc >= target) {
                return switch (name) {
                    case SECONDS -> new Observation(t, seconds, Obtained.MEASURED, null);
                    case DATA_PASSES -> new Observation(t, e.dataPasses(), Obtained.MEASURED, null);
                    default -> joules == null ? missing(t, "an epoch up to the target has no energy figure")
                            : new Observation(t, joules, energyObtained(t), null);
                };
            }
        }
        return missing(t, !anyAccuracy ? "no validation accuracy recorded"
                : String.format(Locale.ROOT, "never reached the target %.2f %% (best %.2f %%)", 100 * target,
                        100 * best));
    }

    /** Each trial's best validation accuracy, averaged; NaN when no trial has one. */
    static double meanBestValidation(List<TrialRecord> trials) {
        return trials.stream().mapToDouble(t -> t.epochs().stream().map(EpochRecord::validationAccuracy)
                .filter(a -> a != null).mapToDouble(Double::doubleValue).max().orElse(Double.NaN))
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static Obtained energyObtained(TrialRecord t) {
        Obtained o = Observation.of(t, Metrics.ENERGY_JOULES).obtained();
        return o == Obtained.UNAVAILABLE ? Obtained.MEASURED : o;
    }

    private static Observation missing(TrialRecord t, String why) {
        return new Observation(t, null, Obtained.UNAVAILABLE, why);
    }
}
