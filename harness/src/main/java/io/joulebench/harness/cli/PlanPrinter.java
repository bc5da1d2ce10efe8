package io.joulebench.harness.cli;

import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.suite.PlannedTrial;
import io.joulebench.harness.suite.Shard;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.trial.TrialSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code suite --dry-run}: the order, the shard, what is already done, and a time estimate from earlier records. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static String render(Suite suite, List<PlannedTrial> plan, Shard shard, ResultsStore store) {
        List<TrialRecord> earlier = store.readAll();
        Set<String> done = earlier.stream().filter(TrialRecord::completed).map(TrialRecord::key)
                .collect(Collectors.toSet());
        Map<String, List<Double>> seconds = new HashMap<>();
        for (TrialRecord r : earlier) {
            Double s = wallSeconds(r);
            if (r.completed() && s != null) {
                seconds.computeIfAbsent(configuration(r.spec()), k -> new ArrayList<>()).add(s);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "plan of suite '%s' (hash %s), shard %s, shuffle seed %d: %d trials%n",
                suite.name(), suite.hash().substring(0, 12), shard, suite.shuffleSeed(), plan.size()));
        double estimate = 0;
        int unknown = 0;
        int position = 0;
        for (PlannedTrial t : plan) {
            position++;
            String state;
            if (done.contains(t.plan().spec().key())) {
                state = "done";
            } else {
                List<Double> s = seconds.get(configuration(t.plan().spec()));
                if (s == null || t.protocol().equals(TrialSpec.MATCHED_PASSES)) {
                    unknown++;
                    state = "no estimate";
                } else {
                    double median = median(s);
                    estimate += median;
                    state = String.format(Locale.ROOT, "~%.0f s", median);
                }
            }
            sb.append(String.format(Locale.ROOT, "  %3d  block %-3s %-50s %s%n", position,
                    t.warmup() ? "-" : Integer.toString(t.block()), t.label(), state));
        }
        sb.append(String.format(Locale.ROOT, "estimated: %.1f min for the trials with an estimate%s%n",
                estimate / 60, unknown == 0 ? "" : " (" + unknown + " without: no earlier record of their"
                        + " configuration in " + store.file() + ")"));
        return sb.toString();
    }

    /** What determines a trial's duration: everything but the seed, split and repetition. */
    private static String configuration(TrialSpec s) {
        return s.trainer() + "|" + s.dataset() + "|" + s.protocol() + "|" + new java.util.TreeMap<>(s.parameters());
    }

    private static Double wallSeconds(TrialRecord r) {
        if (r.execution() != null && r.execution().wallSeconds() != null) {
            return r.execution().wallSeconds();
        }
        return r.trainingSeconds();
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
