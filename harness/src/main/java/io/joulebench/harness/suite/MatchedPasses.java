package io.joulebench.harness.suite;

import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The matched-passes protocol: arm X trains for at least as many data passes as its baseline's paired
 * own-convergence trial used, with early stopping off. Epochs are set from X's own paired trial: with S stages
 * that each run the {@code epochs} budget and p data passes per epoch, E = ceil(target / (S p)); patience = E so
 * no stage stops early. The record's {@code dataPasses} shows what was trained, and statistics flag a shortfall.
 */
public final class MatchedPasses {
    static final String EPOCHS = TrainerParameters.EPOCHS.name();
    static final String PATIENCE = TrainerParameters.PATIENCE.name();

    private MatchedPasses() {
    }

    /** The matched-passes plan, or an explanation of why there is none. */
    public static TrialPlan derive(TrainerRegistry registry, Suite.Arm arm, TrialPlan own, TrialRecord baseline,
                                   TrialRecord ownRecord) {
        Double target = baseline == null || !baseline.completed() ? null : baseline.value(Metrics.DATA_PASSES);
        Double ownPasses = ownRecord == null || !ownRecord.completed() ? null : ownRecord.value(Metrics.DATA_PASSES);
        if (target == null || ownPasses == null || ownRecord.result().epochsRun() == 0) {
            throw new IllegalStateException("matched-passes needs the completed own-convergence trials of arm '"
                    + arm.id() + "' and its baseline '" + arm.baseline() + "' for seed " + own.spec().seed()
                    + "; one of them failed");
        }
        int stages = Math.max(1, ownRecord.result().epochsPerStage().size());
        double passesPerEpoch = ownPasses / ownRecord.result().epochsRun();
        int epochs = (int) Math.max(1, Math.ceil(target / (stages * passesPerEpoch) - 1e-9));
        Map<String, String> overrides = new LinkedHashMap<>(arm.parameters());
        overrides.put(EPOCHS, Integer.toString(epochs));
        overrides.put(PATIENCE, Integer.toString(epochs));
        TrialSpec s = own.spec();
        TrialPlan p = TrialPlan.resolve(registry, s.trainer(), s.dataset(), s.preset(), overrides, s.seed(),
                s.splitSeed());
        TrialSpec spec = new TrialSpec(s.trainer(), s.dataset(), s.preset(), s.seed(), s.splitSeed(),
                p.spec().parameters(), s.repetition(), TrialSpec.MATCHED_PASSES, s.settings());
        return new TrialPlan(p.provider(), spec, p.config());
    }
}
