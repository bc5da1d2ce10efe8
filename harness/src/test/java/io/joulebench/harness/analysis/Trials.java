package io.joulebench.harness.analysis;

import io.joulebench.harness.result.EpochRecord;
import io.joulebench.harness.result.Metric;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.SuiteRef;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Trial records built in code, with known values. */
final class Trials {
    private Trials() {
    }

    /** A builder for one trial; metrics not set are absent. */
    static final class T {
        final String arm;
        final String baseline;
        final long seed;
        String protocol = TrialSpec.OWN_CONVERGENCE;
        String status = TrialRecord.COMPLETED;
        String error;
        boolean warmup;
        final List<Metric> metrics = new ArrayList<>();
        final List<EpochRecord> epochs = new ArrayList<>();

        T(String arm, String baseline, long seed) {
            this.arm = arm;
            this.baseline = baseline;
            this.seed = seed;
        }

        T m(String name, double value, String unit) {
            metrics.add(Metric.measured(name, name, value, unit));
            return this;
        }

        T modelled(String name, double value, String unit) {
            metrics.add(new Metric(name, name, value, unit, Metric.MEAN, Obtained.MODELLED, "modelled: cpu-package"));
            return this;
        }

        T missing(String name, String unit, String why) {
            metrics.add(Metric.unavailable(name, name, unit, why));
            return this;
        }

        T epoch(double validationAccuracy, double seconds, Double joules, double passes) {
            epochs.add(new EpochRecord("main", epochs.size() + 1, 0.5, 0.4, validationAccuracy, 1000, passes, null,
                    seconds, joules, Map.of()));
            return this;
        }

        T protocol(String p) {
            protocol = p;
            return this;
        }

        T failed(String why) {
            status = TrialRecord.FAILED;
            error = why;
            return this;
        }

        T warmup() {
            warmup = true;
            return this;
        }

        TrialRecord build() {
            TrialSpec spec = new TrialSpec(arm.equals("bp") ? "bp-mlp" : arm, "fashion-mnist", "study", seed, 42,
                    Map.of("epochs", "10"), 0, protocol, Map.of("gemm", "onednn"));
            return new TrialRecord(TrialRecord.SCHEMA, spec.key(), arm + "-" + seed + "-" + protocol,
                    "2026-11-28T00:00:00Z", status, error, warmup, spec, new SuiteRef("s", "h", arm, baseline,
                    (int) seed), epochs, null, metrics, null, null, null, null, null);
        }
    }

    static T t(String arm, String baseline, long seed) {
        return new T(arm, baseline, seed);
    }

    static final double[] BP_SECONDS = {100, 102, 98, 101, 99};
    static final double[] MF_SECONDS = {80, 82, 78, 81.5, 79};
    static final double[] BP_JOULES = {1000, 1010, 990, 1005, 995};
    static final double[] MF_JOULES = {1100, 1115, 1085, 1108, 1092};
    static final double[] BP_ACC = {0.880, 0.882, 0.878, 0.881, 0.879};
    static final double[] MF_ACC = {0.8805, 0.8815, 0.8785, 0.8815, 0.8785};

    /** Arms bp (baseline) and mf, seeds 1 to 5, own convergence: mf is ~20 % faster and 10 % costlier in energy. */
    static List<TrialRecord> twoArms() {
        List<TrialRecord> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(t("bp", null, i + 1).m(Metrics.TEST_ACCURACY, BP_ACC[i], "1")
                    .m(Metrics.TRAINING_SECONDS, BP_SECONDS[i], "s").m(Metrics.ENERGY_JOULES, BP_JOULES[i], "J")
                    .m(Metrics.CO2E_GRAMS, BP_JOULES[i] * 1e-4, "g").build());
            out.add(t("mf", "bp", i + 1).m(Metrics.TEST_ACCURACY, MF_ACC[i], "1")
                    .m(Metrics.TRAINING_SECONDS, MF_SECONDS[i], "s").m(Metrics.ENERGY_JOULES, MF_JOULES[i], "J")
                    .m(Metrics.CO2E_GRAMS, MF_JOULES[i] * 1e-4, "g").build());
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
