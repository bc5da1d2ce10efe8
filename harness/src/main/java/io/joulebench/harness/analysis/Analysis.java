package io.joulebench.harness.analysis;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.result.Metric;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.stats.AccuracyComparison;
import io.joulebench.harness.stats.ComparisonOptions;
import io.joulebench.harness.stats.Pairing;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.harness.trial.TrialSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Trial records to a {@link StatsReport}: arms, summaries, and each arm against its baseline per protocol. */
public final class Analysis {
    public static final String TO_TARGET = "to-target";

    /** Summarised in this order when present; per-domain energy follows, then the to-target metrics. */
    static final List<String> SUMMARY_ORDER = List.of(Metrics.TEST_ACCURACY, Metrics.TRAINING_SECONDS, Metrics.EPOCHS,
            Metrics.DATA_PASSES, Metrics.ENERGY_JOULES, Metrics.IDLE_JOULES, Metrics.NET_ENERGY_JOULES,
            Metrics.MEAN_POWER_WATTS, Metrics.CO2E_GRAMS, Metrics.PEAK_RSS_BYTES, Metrics.PEAK_HEAP_BYTES,
            Metrics.JOULES_PER_SAMPLE, Metrics.JOULES_PER_GFLOP, Metrics.GFLOPS_PER_SECOND);

    /** Costs: lower is cheaper, so "X cheaper" reads right (accuracy and throughput are not costs). */
    static final Set<String> COSTS = Set.of(Metrics.TRAINING_SECONDS, Metrics.DATA_PASSES, Metrics.ENERGY_JOULES,
            Metrics.NET_ENERGY_JOULES, Metrics.MEAN_POWER_WATTS, Metrics.CO2E_GRAMS, Metrics.PEAK_RSS_BYTES,
            Metrics.PEAK_HEAP_BYTES, Metrics.JOULES_PER_SAMPLE, Metrics.JOULES_PER_GFLOP);

    static final String CO2E_NOTE = "CO2e at a fixed intensity is energy x a constant: its interval is the energy "
            + "interval scaled";

    private Analysis() {
    }

    /** Analyses the records (any order; de-duplicate them first). */
    public static StatsReport analyse(List<TrialRecord> records, AnalysisOptions options) {
        List<String> notes = new ArrayList<>();
        if (records.isEmpty()) {
            notes.add("no trial records");
            return new StatsReport(List.of(), List.of(), notes, options);
        }
        List<Arm> arms = Arms.group(records);
        List<String> metrics = metricNames(records);
        List<ArmStats> armStats = new ArrayList<>();
        for (Arm arm : arms) {
            armStats.addAll(summarise(arm, metrics, options.targetAccuracy()));
        }
        List<Plan> plans = plans(arms, options, notes);
        return new StatsReport(armStats, compare(plans, metrics, options.comparison()), notes, options);
    }

    private static List<String> metricNames(List<TrialRecord> records) {
        Set<String> present = new HashSet<>();
        TreeSet<String> domains = new TreeSet<>();
        for (TrialRecord r : records) {
            for (Metric m : r.metrics()) {
                present.add(m.name());
                if (m.name().startsWith(Metrics.ENERGY_JOULES + ".")) {
                    domains.add(m.name());
                }
            }
        }
        List<String> names = new ArrayList<>(SUMMARY_ORDER.stream().filter(present::contains).toList());
        names.addAll(domains);
        return names;
    }

    private static List<ArmStats> summarise(Arm arm, List<String> metrics, Double target) {
        Set<String> protocols = new TreeSet<>(Arms::protocolOrder);
        protocols.addAll(arm.trials().keySet());
        arm.leftOut().forEach(l -> protocols.add(l.protocol()));
        List<ArmStats> out = new ArrayList<>();
        for (String protocol : protocols) {
            List<TrialRecord> trials = arm.trials(protocol);
            Map<String, MetricSummary> summaries = new LinkedHashMap<>();
            for (String name : metrics) {
                List<Observation> obs = trials.stream().map(t -> Observation.of(t, name)).toList();
                summaries.put(name, MetricSummary.of(name, label(trials, name), unit(trials, name), obs));
            }
            if (target != null) {
                for (String name : ToTarget.NAMES) {
                    summaries.put(name, MetricSummary.of(name, ToTarget.label(name), ToTarget.unit(name),
                            trials.stream().map(t -> ToTarget.observe(t, name, target)).toList()));
                }
            }
            out.add(new ArmStats(arm.id(), arm.trainer(), arm.dataset(), protocol, trials.size(),
                    arm.leftOut().stream().filter(l -> protocol.equals(l.protocol())).toList(), summaries));
        }
        return out;
    }

    private static String label(List<TrialRecord> trials, String name) {
        return trials.stream().flatMap(t -> t.metric(name).stream()).map(Metric::label).filter(l -> l != null)
                .findFirst().orElse(name);
    }

    private static String unit(List<TrialRecord> trials, String name) {
        return trials.stream().flatMap(t -> t.metric(name).stream()).map(Metric::unit).filter(u -> u != null)
                .findFirst().orElse("");
    }

    /** X against Y under one protocol, with the trials each side contributes. */
    record Plan(Arm x, Arm y, String protocol, List<TrialRecord> xs, List<TrialRecord> ys, Double target,
                List<String> notes) {
    }

    private static List<Plan> plans(List<Arm> arms, AnalysisOptions options, List<String> notes) {
        Map<String, Arm> byId = new LinkedHashMap<>();
        arms.forEach(a -> byId.put(a.id(), a));
        if (options.baseline() != null && !byId.containsKey(options.baseline())) {
            throw new InvalidConfigurationException("--baseline " + options.baseline() + " is not an arm of these "
                    + "results; arms: " + String.join(", ", byId.keySet()));
        }
        List<Plan> plans = new ArrayList<>();
        for (Arm x : arms) {
            String b = options.baseline() != null ? options.baseline() : x.baseline();
            if (b == null || b.equals(x.id())) {
                continue;
            }
            Arm y = byId.get(b);
            if (y == null) {
                notes.add("arm " + x.id() + ": its baseline " + b + " has no trials here, so no comparison");
                continue;
            }
            List<TrialRecord> yOwn = y.trials(TrialSpec.OWN_CONVERGENCE);
            List<TrialRecord> xOwn = x.trials(TrialSpec.OWN_CONVERGENCE);
            if (!xOwn.isEmpty() && !yOwn.isEmpty()) {
                plans.add(new Plan(x, y, TrialSpec.OWN_CONVERGENCE, xOwn, yOwn, null, List.of()));
            }
            List<TrialRecord> xMatched = x.trials(TrialSpec.MATCHED_PASSES);
            if (!xMatched.isEmpty() && !yOwn.isEmpty()) {
                plans.add(new Plan(x, y, TrialSpec.MATCHED_PASSES, xMatched, yOwn, null, List.of(
                        "matched-passes: the arm's matched-passes trials against the baseline's own-convergence"
                                + " trials")));
            }
            if (!xOwn.isEmpty() && !yOwn.isEmpty()) {
                plans.add(toTarget(x, y, xOwn, yOwn, options.targetAccuracy()));
            }
        }
        if (plans.isEmpty() && arms.size() > 1) {
            notes.add("no baseline (suite baselines, or --baseline ARM for run results): summaries only");
        }
        return plans;
    }

    private static Plan toTarget(Arm x, Arm y, List<TrialRecord> xs, List<TrialRecord> ys, Double given) {
        List<String> notes = new ArrayList<>();
        Double target = given;
        if (target == null) {
            double t = Math.min(ToTarget.meanBestValidation(xs), ToTarget.meanBestValidation(ys));
            target = Double.isNaN(t) ? null : t;
            notes.add(target == null ? "to-target: no validation accuracy in the epoch records"
                    : String.format(Locale.ROOT, "to-target: target %.2f %% validation accuracy, the lower of the "
                            + "two arms' mean best validation accuracy (own-convergence trials' epochs)",
                            100 * target));
        } else {
            notes.add(String.format(Locale.ROOT, "to-target: target %.2f %% validation accuracy (given), from the "
                    + "own-convergence trials' epochs", 100 * target));
        }
        return new Plan(x, y, TO_TARGET, xs, ys, target, notes);
    }

    private static List<ComparisonStats> compare(List<Plan> plans, List<String> metrics, ComparisonOptions options) {
        // Families for Holm: the arms compared with one baseline under one protocol.
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            families.computeIfAbsent(plans.get(i).y().id() + "\u0000" + plans.get(i).protocol(),
                    k -> new ArrayList<>()).add(i);
        }
        List<Map<String, MetricComparison>> metricResults = new ArrayList<>();
        List<AccuracyResult> accuracy = new ArrayList<>();
        List<String> pairingNotes = new ArrayList<>();
        List<Pairing> pairings = new ArrayList<>();
        for (Plan p : plans) {
            metricResults.add(new LinkedHashMap<>());
            accuracy.add(null);
            Pairing pairing = pairing(p.xs(), p.ys());
            pairings.add(pairing);
            pairingNotes.add(pairingNote(p, pairing));
        }
        // Every (family, metric) is independent: computed in parallel (the bootstrap dominates), stored in order.
        record Task(List<Integer> family, String name) {
        }
        List<Task> tasks = new ArrayList<>();
        for (List<Integer> family : families.values()) {
            String protocol = plans.get(family.get(0)).protocol();
            List<String> names = protocol.equals(TO_TARGET) ? ToTarget.NAMES
                    : metrics.stream().filter(m -> COSTS.contains(m) || m.startsWith(Metrics.ENERGY_JOULES + "."))
                    .toList();
            names.forEach(n -> tasks.add(new Task(family, n)));
            if (!protocol.equals(TO_TARGET)) {
                tasks.add(new Task(family, Metrics.TEST_ACCURACY));
            }
        }
        List<List<Object>> done = tasks.parallelStream().map(t -> t.name().equals(Metrics.TEST_ACCURACY)
                ? accuracyFamily(plans, t.family(), pairings, options)
                : ratioFamily(plans, t.family(), t.name(), pairings, options)).toList();
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            for (int f = 0; f < t.family().size(); f++) {
                Object result = done.get(k).get(f);
                if (result instanceof AccuracyResult a) {
                    accuracy.set(t.family().get(f), a);
                } else {
                    metricResults.get(t.family().get(f)).put(t.name(), (MetricComparison) result);
                }
            }
        }
        List<ComparisonStats> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            List<String> notes = new ArrayList<>(p.notes());
            int size = families.get(p.y().id() + "\u0000" + p.protocol()).size();
            if (size > 1) {
                notes.add("Holm across " + size + " arms against " + p.y().id() + " (" + p.protocol()
                        + "): intervals at Holm step-down levels, p-values Holm-adjusted");
            }
            out.add(new ComparisonStats(p.x().id(), p.y().id(), p.protocol(), pairings.get(i), pairingNotes.get(i),
                    p.xs().size(), p.ys().size(), p.target(), metricResults.get(i), accuracy.get(i), notes));
        }
        return out;
    }

    private static List<Object> ratioFamily(List<Plan> plans, List<Integer> family, String name,
                                            List<Pairing> pairings, ComparisonOptions options) {
        List<Inputs> in = family.stream().map(i -> inputs(plans.get(i), name, pairings.get(i))).toList();
        Holm holm = Holm.of(in, options);
        List<Object> out = new ArrayList<>();
        for (int f = 0; f < family.size(); f++) {
            out.add(ratio(name, unit(plans.get(family.get(f)), name), in.get(f), holm, f, options));
        }
        return out;
    }

    private static List<Object> accuracyFamily(List<Plan> plans, List<Integer> family, List<Pairing> pairings,
                                               ComparisonOptions options) {
        List<Inputs> in = family.stream().map(i -> inputs(plans.get(i), Metrics.TEST_ACCURACY, pairings.get(i))
                .percent()).toList();
        Holm holm = Holm.of(in, options);
        List<Object> out = new ArrayList<>();
        for (int f = 0; f < family.size(); f++) {
            out.add(accuracy(in.get(f), holm, f, options));
        }
        return out;
    }

    private static String unit(Plan p, String name) {
        return ToTarget.NAMES.contains(name) ? ToTarget.unit(name) : unit(p.xs(), name);
    }

    /** Paired when both sides have the same (seed, repetition) set, each once. */
    static Pairing pairing(List<TrialRecord> xs, List<TrialRecord> ys) {
        Set<String> kx = keys(xs);
        Set<String> ky = keys(ys);
        return kx != null && kx.equals(ky) ? Pairing.PAIRED : Pairing.UNPAIRED;
    }

    private static Set<String> keys(List<TrialRecord> trials) {
        Set<String> keys = new HashSet<>();
        for (TrialRecord t : trials) {
            if (!keys.add(t.spec().seed() + ":" + t.spec().repetition())) {
                return null;
            }
        }
        return keys;
    }

    private static String pairingNote(Plan p, Pairing pairing) {
        if (pairing == Pairing.PAIRED) {
            return "paired by (seed, repetition): " + p.xs().size() + " pairs";
        }
        return "unpaired: the arms' seeds differ (" + p.x().id() + " " + p.xs().size() + " trials, " + p.y().id()
                + " " + p.ys().size() + "); resampled within arms, Welch-type intervals";
    }

    private static Inputs inputs(Plan p, String name, Pairing pairing) {
        if (ToTarget.NAMES.contains(name)) {
            if (p.target() == null) {
                return new Inputs(null, null, pairing, "no target: no validation accuracy recorded", false,
                        List.of());
            }
            return Inputs.of(p.xs().stream().map(t -> ToTarget.observe(t, name, p.target())).toList(),
                    p.ys().stream().map(t -> ToTarget.observe(t, name, p.target())).toList(), pairing);
        }
        return Inputs.of(p.xs().stream().map(t -> Observation.of(t, name)).toList(),
                p.ys().stream().map(t -> Observation.of(t, name)).toList(), pairing);
    }

    private static MetricComparison ratio(String name, String unit, Inputs in, Holm holm, int f,
                                          ComparisonOptions options) {
        List<String> notes = new ArrayList<>(in.notes());
        if (name.equals(Metrics.CO2E_GRAMS)) {
            notes.add(CO2E_NOTE);
        }
        double level = holm.levels()[f];
        if (in.x() == null) {
            return new MetricComparison(name, unit, null, in.missing(), level, null, holm.size(), false, notes);
        }
        RatioComparison r = RatioComparison.of(in.x(), in.y(), in.pairing(), at(options, level));
        return new MetricComparison(name, unit, r, null, level, holm.adjustedPValue()[f], holm.size(), in.modelled(),
                notes);
    }

    private static AccuracyResult accuracy(Inputs in, Holm holm, int f, ComparisonOptions options) {
        double level = holm.levels()[f];
        if (in.x() == null) {
            return new AccuracyResult(null, in.missing(), level, null, holm.size(), in.notes());
        }
        return new AccuracyResult(AccuracyComparison.ofPercent(in.x(), in.y(), in.pairing(), at(options, level)),
                null, level, holm.adjustedPValue()[f], holm.size(), in.notes());
    }

    private static ComparisonOptions at(ComparisonOptions options, double level) {
        return level == options.level() ? options : options.withLevel(level);
    }
}
