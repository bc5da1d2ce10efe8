package io.joulebench.harness.slurm;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.suite.PlannedTrial;
import io.joulebench.harness.suite.Shard;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.suite.SuitePlanner;
import io.joulebench.harness.trial.TrialSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The planned trials of a sharded suite that have no completed record, and the command that reruns their shards. */
public final class MissingTrials {
    private MissingTrials() {
    }

    /** A planned trial without a completed record, and the shard (1-based) that runs it. */
    public record Missing(int shard, PlannedTrial trial) {
    }

    /** Warm-up trials do not count: they are left out of the statistics, and each shard plans its own. */
    public static List<Missing> find(Suite suite, int shards, TrainerRegistry registry, Collection<TrialRecord> records) {
        Set<String> done = records.stream().filter(r -> r.completed() && r.suite() != null && !r.warmup())
                .map(r -> identity(r.suite().arm(), r.spec())).collect(Collectors.toSet());
        List<Missing> missing = new ArrayList<>();
        for (int i = 1; i <= shards; i++) {
            for (PlannedTrial t : SuitePlanner.plan(suite, null, new Shard(i, shards), registry)) {
                if (!t.warmup() && !done.contains(identity(t.arm().id(), t.plan().spec()))) {
                    missing.add(new Missing(i, t));
                }
            }
        }
        return missing;
    }

    /**
     * Arm, seed, repetition and protocol: not the key, which for a matched-passes trial depends on the epochs its
     * paired trial needed, known only once that ran.
     */
    private static String identity(String arm, TrialSpec spec) {
        return arm + "|" + spec.seed() + "|" + spec.repetition() + "|" + spec.protocol();
    }

    /** All planned trials except warm-ups, over every shard. */
    public static int planned(Suite suite, TrainerRegistry registry) {
        return (int) SuitePlanner.plan(suite, null, Shard.ALL, registry).stream().filter(t -> !t.warmup()).count();
    }

    /** One line per missing trial, then the command that reruns their array tasks (or shards). */
    public static List<String> describe(List<Missing> missing, int shards, Path rerunScript, Path suiteFile, Path out) {
        List<String> lines = new ArrayList<>();
        Set<Integer> tasks = new TreeSet<>();
        for (Missing m : missing) {
            lines.add("  missing: " + m.trial().label() + " (shard " + m.shard() + "/" + shards + ", array task "
                    + (m.shard() - 1) + ")");
            tasks.add(m.shard() - 1);
        }
        if (rerunScript != null) {
            lines.add("rerun: sbatch --array=" + tasks.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + " " + rerunScript + "  (then the merge again: sbatch " + rerunScript.resolveSibling("merge.sbatch")
                    + ")");
        } else {
            for (int t : tasks) {
                lines.add("rerun: joulebench suite " + suiteFile + " --shard " + (t + 1) + "/" + shards + " --out "
                        + out.resolve("shards").resolve(String.valueOf(t)));
            }
        }
        return lines;
    }
}
