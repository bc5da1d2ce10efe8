package io.joulebench.harness.suite;

import io.joulebench.harness.trial.TrialPlan;

/**
 * One trial of a suite's plan.
 *
 * @param arm      the arm
 * @param plan     the arm's resolved own-convergence plan for this seed and repetition; a matched-passes trial
 *                 derives its own from it once the paired trials it depends on are recorded
 * @param protocol {@code own-convergence} or {@code matched-passes}
 * @param block    the paired block (seed and repetition), 1-based in declaration order
 * @param warmup   a warm-up trial (recorded, excluded from statistics)
 */
public record PlannedTrial(Suite.Arm arm, TrialPlan plan, String protocol, int block, boolean warmup) {
    public String label() {
        String who = arm.id().equals(arm.trainer()) ? arm.trainer() : arm.id() + " (" + arm.trainer() + ")";
        return (warmup ? "warm-up " : "") + who + " on " + plan.spec().dataset() + " seed " + plan.spec().seed()
                + (plan.spec().repetition() > 0 ? " rep " + plan.spec().repetition() : "")
                + (protocol.equals(io.joulebench.harness.trial.TrialSpec.OWN_CONVERGENCE) ? "" : " " + protocol);
    }
}
