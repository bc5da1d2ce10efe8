package io.joulebench.harness.report;

import io.joulebench.harness.result.TrialRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which records a report uses and which it leaves out, with why: failed, interrupted, warm-up, and earlier attempts
 * of a trial that a later record of the same key replaces (a resumed run).
 *
 * @param arms     the arms in first-seen order
 * @param all      every record read, in order (the raw appendix table and emissions.csv list them all)
 * @param leftOut  "Left out" lines, one per reason
 */
public record TrialSelection(List<Arm> arms, List<ResultsInput.Loaded> all, List<String> leftOut) {

    public static TrialSelection of(List<ResultsInput.Loaded> records) {
        // The last completed record of each key wins: a resumed run may have retried a failed trial.
        Map<String, ResultsInput.Loaded> latest = new LinkedHashMap<>();
        int failed = 0;
        int interrupted = 0;
        int warmup = 0;
        int replaced = 0;
        StringBuilder failedWhy = new StringBuilder();
        for (ResultsInput.Loaded l : records) {
            TrialRecord r = l.record();
            if (TrialRecord.FAILED.equals(r.status())) {
                failed++;
                if (failedWhy.length() < 400) {
                    failedWhy.append(failedWhy.length() == 0 ? "" : "; ").append(Arm.nameOf(r)).append(" seed ")
                            .append(r.spec().seed()).append(": ").append(Objects.toString(r.error(), "no reason"));
                }
            } else if (!r.completed()) {
                interrupted++;
            } else if (r.warmup()) {
                warmup++;
            } else if (latest.put(r.key() + "|" + Arm.labelOf(r), l) != null) {
                replaced++;
            }
        }
        List<String> leftOut = new ArrayList<>();
        add(leftOut, failed, "failed status: " + failedWhy);
        add(leftOut, interrupted, "interrupted before the end");
        add(leftOut, warmup, "warm-up trials, recorded but never compared");
        add(leftOut, replaced, "earlier records of a trial recorded again later (the last one is used)");
        Map<String, List<Arm.Selected>> byArm = new LinkedHashMap<>();
        for (ResultsInput.Loaded l : latest.values()) {
            byArm.computeIfAbsent(Arm.labelOf(l.record()), k -> new ArrayList<>())
                    .add(new Arm.Selected(l.record(), l.folder()));
        }
        List<Arm> arms = new ArrayList<>();
        byArm.forEach((name, trials) -> {
            TrialRecord first = trials.get(0).record();
            boolean oneDataset = trials.stream().allMatch(t -> t.record().spec().dataset()
                    .equals(first.spec().dataset()));
            arms.add(new Arm(name, first.spec().trainer(), oneDataset ? first.spec().dataset() : "mixed",
                    first.suite() == null ? null : first.suite().baseline(), first.spec().parameters(), trials));
        });
        return new TrialSelection(List.copyOf(arms), List.copyOf(records), List.copyOf(leftOut));
    }

    private static void add(List<String> out, int count, String why) {
        if (count > 0) {
            out.add("Left out: " + count + " trial" + (count == 1 ? "" : "s") + " (" + why + ")");
        }
    }

    /** The arm of this name, or null. */
    public Arm arm(String name) {
        return arms.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
