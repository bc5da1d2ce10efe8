package io.joulebench.harness.suite;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Orders a suite's trials: one block per (seed, repetition) holding every arm's paired trials; blocks in a seeded
 * random order; within consecutive blocks the arms alternate direction (A B, then B A: ABBA), so drift in time
 * hits every arm alike. Matched-passes trials follow their block's own-convergence trials, which they depend on.
 */
public final class SuitePlanner {
    private SuitePlanner() {
    }

    /**
     * @param seeds overrides the file's seeds when not null
     * @param shard which share of the blocks this process runs ({@link Shard#ALL} for all)
     */
    public static List<PlannedTrial> plan(Suite suite, List<Long> seeds, Shard shard, TrainerRegistry registry) {
        List<Long> useSeeds = seeds != null ? seeds : suite.seeds();
        List<int[]> blocks = new ArrayList<>(); // {seed index, repetition}
        for (int rep = 0; rep < suite.repetitions(); rep++) {
            for (int s = 0; s < useSeeds.size(); s++) {
                blocks.add(new int[] {s, rep});
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            order.add(b);
        }
        Collections.shuffle(order, new Random(suite.shuffleSeed()));
        List<PlannedTrial> trials = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            if (!shard.includes(position)) {
                continue;
            }
            int b = order.get(position);
            long seed = useSeeds.get(blocks.get(b)[0]);
            int rep = blocks.get(b)[1];
            List<Suite.Arm> arms = new ArrayList<>(suite.arms());
            if (position % 2 == 1) {
                Collections.reverse(arms);
            }
            for (Suite.Arm arm : arms) {
                trials.add(new PlannedTrial(arm, resolve(registry, suite, arm, seed, rep), TrialSpec.OWN_CONVERGENCE,
                        b + 1, false));
            }
            if (suite.runs(TrialSpec.MATCHED_PASSES)) {
                for (Suite.Arm arm : arms) {
                    if (arm.baseline() != null) {
                        trials.add(new PlannedTrial(arm, resolve(registry, suite, arm, seed, rep),
                                TrialSpec.MATCHED_PASSES, b + 1, false));
                    }
                }
            }
        }
        return withWarmup(suite, trials, registry);
    }

    /** The first {@code warmup} trials: the plan's first trial again, as repetitions -1, -2, ... */
    private static List<PlannedTrial> withWarmup(Suite suite, List<PlannedTrial> trials, TrainerRegistry registry) {
        if (trials.isEmpty() || suite.warmup() == 0) {
            return trials;
        }
        PlannedTrial first = trials.get(0);
        List<PlannedTrial> out = new ArrayList<>();
        for (int w = 0; w < suite.warmup(); w++) {
            TrialPlan p = first.plan();
            out.add(new PlannedTrial(first.arm(), new TrialPlan(p.provider(), p.spec().withRepetition(-1 - w),
                    p.config()), TrialSpec.OWN_CONVERGENCE, 0, true));
        }
        out.addAll(trials);
        return out;
    }

    static TrialPlan resolve(TrainerRegistry registry, Suite suite, Suite.Arm arm, long seed, int rep) {
        TrialPlan p = TrialPlan.resolve(registry, arm.trainer(), arm.dataset(), arm.preset(), arm.parameters(), seed,
                suite.splitSeedFor(seed));
        return rep == 0 ? p : new TrialPlan(p.provider(), p.spec().withRepetition(rep), p.config());
    }
}
