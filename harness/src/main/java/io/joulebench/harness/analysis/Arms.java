package io.joulebench.harness.analysis;

import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Groups trial records into arms: by the suite's arm id, else by configuration (everything but seed and protocol). */
final class Arms {
    static final Comparator<TrialRecord> BY_SEED = Comparator.comparingLong((TrialRecord r) -> r.spec().seed())
            .thenComparingInt(r -> r.spec().repetition());

    private Arms() {
    }

    static List<Arm> group(List<TrialRecord> records) {
        Map<String, List<TrialRecord>> bySignature = new LinkedHashMap<>();
        for (TrialRecord r : records) {
            bySignature.computeIfAbsent(signature(r), k -> new ArrayList<>()).add(r);
        }
        Map<String, String> labels = labels(bySignature);
        List<Arm> arms = new ArrayList<>();
        for (Map.Entry<String, List<TrialRecord>> e : bySignature.entrySet()) {
            arms.add(arm(labels.get(e.getKey()), e.getValue()));
        }
        return arms;
    }

    private static Arm arm(String id, List<TrialRecord> records) {
        Map<String, List<TrialRecord>> trials = new TreeMap<>(Arms::protocolOrder);
        List<LeftOut> leftOut = new ArrayList<>();
        String baseline = null;
        for (TrialRecord r : records) {
            if (r.suite() != null && r.suite().baseline() != null) {
                baseline = r.suite().baseline();
            }
            String why = r.warmup() ? "warm-up trial (recorded, excluded from statistics)"
                    : r.completed() ? null
                    : r.status() + (r.error() == null ? "" : ": " + firstLine(r.error()));
            if (why != null) {
                leftOut.add(new LeftOut(r.trialId(), r.spec().seed(), r.spec().protocol(), why));
            } else {
                trials.computeIfAbsent(r.spec().protocol(), k -> new ArrayList<>()).add(r);
            }
        }
        trials.values().forEach(l -> l.sort(BY_SEED));
        TrialSpec s = records.get(0).spec();
        return new Arm(id, s.trainer(), s.dataset(), baseline, trials, leftOut);
    }

    /** Own convergence first, then matched passes, then anything else by name. */
    static int protocolOrder(String a, String b) {
        return Comparator.comparingInt(Arms::rank).thenComparing(Comparator.naturalOrder()).compare(a, b);
    }

    private static int rank(String p) {
        return TrialSpec.OWN_CONVERGENCE.equals(p) ? 0 : TrialSpec.MATCHED_PASSES.equals(p) ? 1 : 2;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * A suite's arm id; for run results the configuration without seed, split seed, repetition and protocol
     * (those vary within an arm; matched-passes overrides only the epochs it needs).
     */
    private static String signature(TrialRecord r) {
        if (r.suite() != null && r.suite().arm() != null) {
            return "arm:" + r.suite().arm();
        }
        TrialSpec s = r.spec();
        return "run:" + s.trainer() + "|" + s.dataset() + "|" + s.preset() + "|" + new TreeMap<>(stable(s)) + "|"
                + s.settings();
    }

    private static Map<String, String> stable(TrialSpec s) {
        Map<String, String> p = new TreeMap<>(s.parameters());
        if (TrialSpec.MATCHED_PASSES.equals(s.protocol())) {
            p.remove("epochs"); // matched passes raises the epoch cap to the baseline's passes
        }
        return p;
    }

    /**
     * Labels for run groups: the trainer; where several groups share a trainer, the dataset, preset and parameters
     * in which they differ (e.g. {@code mf[lr=1e-3]}).
     */
    private static Map<String, String> labels(Map<String, List<TrialRecord>> groups) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<String>> byTrainer = new LinkedHashMap<>();
        for (Map.Entry<String, List<TrialRecord>> e : groups.entrySet()) {
            if (e.getKey().startsWith("arm:")) {
                labels.put(e.getKey(), e.getKey().substring(4));
            } else {
                byTrainer.computeIfAbsent(e.getValue().get(0).spec().trainer(), k -> new ArrayList<>())
                        .add(e.getKey());
            }
        }
        for (Map.Entry<String, List<String>> e : byTrainer.entrySet()) {
            List<String> sigs = e.getValue();
            for (int i = 0; i < sigs.size(); i++) {
                String diff = sigs.size() > 1 ? differing(groups, sigs, sigs.get(i)) : "";
                labels.put(sigs.get(i), e.getKey() + (sigs.size() < 2 ? "" : diff.isEmpty() ? "#" + (i + 1)
                        : "[" + diff + "]"));
            }
        }
        return labels;
    }

    private static String differing(Map<String, List<TrialRecord>> groups, List<String> sigs, String sig) {
        Map<String, String> mine = described(groups.get(sig).get(0).spec());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> p : mine.entrySet()) {
            boolean differs = sigs.stream().map(o -> described(groups.get(o).get(0).spec()).get(p.getKey()))
                    .anyMatch(v -> !Objects.equals(v, p.getValue()));
            if (differs) {
                parts.add(p.getKey() + "=" + p.getValue());
            }
        }
        return String.join(",", parts);
    }

    /** Dataset, preset and parameters, as a label may name them. */
    private static Map<String, String> described(TrialSpec s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", s.dataset());
        m.put("preset", String.valueOf(s.preset()));
        m.putAll(stable(s));
        return m;
    }
}
