package io.joulebench.harness.report;

import io.joulebench.harness.result.Metric;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.stats.AccuracyComparison;
import io.joulebench.harness.stats.ComparisonOptions;
import io.joulebench.harness.stats.Pairing;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics a report shows, computed here with the stats package directly: per-arm summaries of each metric
 * and each arm's comparisons against the baseline. Kept in this one class so that it can be fed from the stats
 * command's analysis once that lands, without touching the section mappers.
 *
 * @param baseline    the baseline arm's name, or null when there is none to compare with
 * @param summaries   per arm, per metric name
 * @param comparisons per non-baseline arm
 */
public record ReportInputs(String baseline, Map<String, Map<String, Stat>> summaries,
                           Map<String, Comparison> comparisons, ComparisonOptions options) {

    /** Metrics summarised per arm. */
    public static final List<String> METRICS = List.of(Metrics.TEST_ACCURACY, Metrics.TRAINING_SECONDS,
            Metrics.ENERGY_JOULES, Metrics.NET_ENERGY_JOULES, Metrics.CO2E_GRAMS, Metrics.MEAN_POWER_WATTS,
            Metrics.GFLOPS_PER_SECOND, Metrics.JOULES_PER_GFLOP, Metrics.JOULES_PER_SAMPLE, Metrics.PEAK_RSS_BYTES,
            Metrics.EPOCHS);

    /**
     * A metric over one arm's trials.
     *
     * @param summary  over the trials that have a value; null when none has
     * @param obtained MODELLED when any trial's value is modelled (ATTRIBUTED likewise), else MEASURED;
     *                 UNAVAILABLE when no trial has a value
     * @param reason   the first trial's reason (why missing, or how modelled), or null
     * @param missing  how many trials lack a value
     */
    public record Stat(Summary summary, Obtained obtained, String reason, int missing) {
    }

    /** One arm against the baseline: accuracy difference (pp) and the cost ratios. */
    public record Comparison(String arm, String baseline, Pairing pairing, AccuracyComparison accuracy,
                             RatioComparison energy, RatioComparison time, RatioComparison co2e,
                             Map<String, String> missing) {
    }

    public static ReportInputs of(TrialSelection selection, String requestedBaseline, ComparisonOptions options) {
        String baseline = chooseBaseline(selection, requestedBaseline);
        Map<String, Map<String, Stat>> summaries = new LinkedHashMap<>();
        for (Arm a : selection.arms()) {
            Map<String, Stat> m = new LinkedHashMap<>();
            for (String metric : METRICS) {
                m.put(metric, stat(a.records(), metric));
            }
            summaries.put(a.name(), m);
        }
        Map<String, Comparison> comparisons = new LinkedHashMap<>();
        Arm base = baseline == null ? null : selection.arm(baseline);
        if (base != null) {
            for (Arm a : selection.arms()) {
                if (a != base) {
                    comparisons.put(a.name(), compare(a, base, options));
                }
            }
        }
        return new ReportInputs(baseline, summaries, comparisons, options);
    }

    /**
     * --baseline when given (it must name an arm); else the arm the suite's records name; else the backprop arm
     * (trainer bp-*); else none.
     */
    static String chooseBaseline(TrialSelection s, String requested) {
        if (requested != null) {
            if (s.arm(requested) == null) {
                throw new io.joulebench.algorithms.InvalidConfigurationException("--baseline " + requested
                        + ": no such arm among " + s.arms().stream().map(Arm::name).toList());
            }
            return requested;
        }
        for (Arm a : s.arms()) {
            if (a.baseline() != null && s.arm(a.baseline()) != null) {
                return a.baseline();
            }
        }
        return s.arms().stream().filter(a -> a.trainer().startsWith("bp")).map(Arm::name).findFirst()
                .orElse(null);
    }

    static Stat stat(List<TrialRecord> trials, String metric) {
        List<Double> values = new ArrayList<>();
        Obtained how = Obtained.MEASURED;
        String reason = null;
        for (TrialRecord r : trials) {
            Metric m = r.metric(metric).orElse(null);
            if (m == null || m.value() == null) {
                if (reason == null) {
                    reason = m == null ? "not recorded (an older record)" : m.reason();
                }
                continue;
            }
            values.add(m.value());
            if (m.obtained() == Obtained.MODELLED || (m.obtained() == Obtained.ATTRIBUTED && how != Obtained.MODELLED)) {
                how = m.obtained();
                reason = m.reason();
            }
        }
        if (values.isEmpty()) {
            return new Stat(null, Obtained.UNAVAILABLE, Objects.requireNonNullElse(reason, "no trial"), trials.size());
        }
        return new Stat(Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray()), how,
                how == Obtained.MEASURED && values.size() == trials.size() ? null : reason,
                trials.size() - values.size());
    }

    private static Comparison compare(Arm a, Arm base, ComparisonOptions options) {
        Map<String, String> missing = new LinkedHashMap<>();
        Pairing pairing = pairing(a, base);
        AccuracyComparison acc = null;
        double[][] accuracy = values(a, base, Metrics.TEST_ACCURACY, pairing, 100, missing);
        if (accuracy != null) {
            acc = AccuracyComparison.ofPercent(accuracy[0], accuracy[1], pairing(accuracy, pairing), options);
        }
        return new Comparison(a.name(), base.name(), pairing, acc,
                ratio(a, base, Metrics.ENERGY_JOULES, pairing, options, missing),
                ratio(a, base, Metrics.TRAINING_SECONDS, pairing, options, missing),
                ratio(a, base, Metrics.CO2E_GRAMS, pairing, options, missing), Map.copyOf(missing));
    }

    private static RatioComparison ratio(Arm a, Arm base, String metric, Pairing pairing, ComparisonOptions options,
                                         Map<String, String> missing) {
        double[][] v = values(a, base, metric, pairing, 1, missing);
        return v == null ? null : RatioComparison.of(v[0], v[1], pairing(v, pairing), options);
    }

    private static Pairing pairing(double[][] v, Pairing wanted) {
        return wanted == Pairing.PAIRED && v[0].length == v[1].length ? Pairing.PAIRED : Pairing.UNPAIRED;
    }

    /** Paired when both arms ran exactly the same seeds and repetitions (the suite's blocks). */
    static Pairing pairing(Arm a, Arm base) {
        List<String> ka = a.trials().stream().map(Arm.Selected::pairKey).toList();
        List<String> kb = base.trials().stream().map(Arm.Selected::pairKey).toList();
        return ka.equals(kb) && ka.stream().distinct().count() == ka.size() ? Pairing.PAIRED : Pairing.UNPAIRED;
    }

    /**
     * The arm's and the baseline's values of a metric, scaled; paired values drop a seed missing on either side
     * (and fall back to unpaired when none is left); null with a reason when either side has none.
     */
    private static double[][] values(Arm a, Arm base, String metric, Pairing pairing, double scale,
                                     Map<String, String> missing) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < Math.max(a.n(), base.n()); i++) {
            Double x = i < a.n() ? a.records().get(i).value(metric) : null;
            Double y = i < base.n() ? base.records().get(i).value(metric) : null;
            if (pairing == Pairing.PAIRED && (x == null || y == null)) {
                continue;
            }
            if (x != null) {
                xs.add(x * scale);
            }
            if (y != null) {
                ys.add(y * scale);
            }
        }
        if (xs.isEmpty() || ys.isEmpty()) {
            Stat sa = stat(a.records(), metric);
            Stat sb = stat(base.records(), metric);
            missing.put(metric, sa.summary() == null ? a.name() + ": " + sa.reason()
                    : sb.summary() == null ? base.name() + ": " + sb.reason() : "no seed with both values");
            return null;
        }
        return new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(),
            ys.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    public Stat stat(String arm, String metric) {
        return summaries.getOrDefault(arm, Map.of()).get(metric);
    }
}
