package io.joulebench.harness.suite;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.result.Execution;
import io.joulebench.harness.result.SuiteRef;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.trial.TrialExecutor;
import io.joulebench.harness.trial.TrialMetering;
import io.joulebench.harness.trial.TrialPlan;
import io.joulebench.harness.trial.TrialSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a plan: skips trials whose key is already completed in the results file, re-measures the idle baseline when
 * it is older than the suite allows, cools down between trials, executes each trial and appends its record the
 * moment it ends.
 */
public final class SuiteRunner {
    /** What the runner tells its user as it goes. */
    public interface Observer {
        void skipped(PlannedTrial trial, TrialRecord previous);

        /** A listener for the trial's progress (in-process only; a forked trial prints its own). */
        TrainingListener starting(PlannedTrial trial, int index, int total);

        void finished(PlannedTrial trial, TrialRecord record);

        void note(String line);
    }

    /** Suite-level timing settings. */
    public record Settings(Duration idleWindow, Duration idleMaxAge, Suite.Cooldown cooldown) {
    }

    private final ResultsStore store;
    private final TrialExecutor executor;
    private final TrialMetering metering;
    private final TrainerRegistry registry;
    private final Settings settings;
    private final String suiteName;
    private final String suiteHash;

    /** @param metering the parent's meter (idle baseline, cool-down), or null with --no-energy */
    public SuiteRunner(ResultsStore store, TrialExecutor executor, TrialMetering metering, TrainerRegistry registry,
                       Settings settings, String suiteName, String suiteHash) {
        this.store = store;
        this.executor = executor;
        this.metering = metering;
        this.registry = registry;
        this.settings = settings;
        this.suiteName = suiteName;
        this.suiteHash = suiteHash;
    }

    /** @return every planned trial's record, earlier completed ones included, in plan order */
    public List<TrialRecord> run(List<PlannedTrial> plan, Observer observer) throws InterruptedException {
        Map<String, TrialRecord> done = new HashMap<>();
        for (TrialRecord r : store.readAll()) {
            if (r.completed()) {
                done.put(r.key(), r);
            }
        }
        Map<String, TrialRecord> ownConvergence = new HashMap<>();
        List<TrialRecord> records = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < plan.size(); i++) {
            PlannedTrial t = plan.get(i);
            TrialPlan trialPlan;
            try {
                trialPlan = planFor(t, ownConvergence);
            } catch (IllegalStateException e) {
                observer.note("skipping " + t.label() + ": " + e.getMessage());
                continue;
            }
            TrialRecord previous = done.get(trialPlan.spec().key());
            if (previous != null) {
                observer.skipped(t, previous);
                remember(t, previous, ownConvergence);
                records.add(previous);
                continue;
            }
            Cooled cooled = first ? Cooled.NONE : coolDown(observer);
            Double idleAge = refreshIdle(observer);
            TrainingListener progress = observer.starting(t, i + 1, plan.size());
            TrialRecord record = executor.execute(trialPlan, progress);
            Execution e = record.execution() == null ? Execution.inProcess() : record.execution();
            record = record.withSuite(suiteName == null ? null : new SuiteRef(suiteName, suiteHash, t.arm().id(),
                    t.arm().baseline(), t.block()), t.warmup(), e.inSuite(cooled.seconds(), cooled.how(), idleAge, i + 1));
            store.append(record);
            observer.finished(t, record);
            remember(t, record, ownConvergence);
            records.add(record);
            first = false;
        }
        return records;
    }

    private TrialPlan planFor(PlannedTrial t, Map<String, TrialRecord> ownConvergence) {
        if (!t.protocol().equals(TrialSpec.MATCHED_PASSES)) {
            return t.plan();
        }
        TrialSpec s = t.plan().spec();
        return MatchedPasses.derive(registry, t.arm(), t.plan(),
                ownConvergence.get(pairKey(t.arm().baseline(), s)), ownConvergence.get(pairKey(t.arm().id(), s)));
    }

    private static void remember(PlannedTrial t, TrialRecord r, Map<String, TrialRecord> ownConvergence) {
        if (!t.warmup() && t.protocol().equals(TrialSpec.OWN_CONVERGENCE)) {
            ownConvergence.put(pairKey(t.arm().id(), t.plan().spec()), r);
        }
    }

    private static String pairKey(String arm, TrialSpec s) {
        return arm + "|" + s.seed() + "|" + s.repetition();
    }

    /** A cool-down as waited: seconds (null when none is set) and how it ended. */
    private record Cooled(Double seconds, String how) {
        static final Cooled NONE = new Cooled(null, null);
    }

    /** Waits as the suite says. */
    private Cooled coolDown(Observer observer) throws InterruptedException {
        Suite.Cooldown c = settings.cooldown();
        if (c.none()) {
            return Cooled.NONE;
        }
        long start = System.nanoTime();
        String how = null;
        if (!c.fixed().isZero()) {
            Thread.sleep(c.fixed().toMillis());
            how = "fixed";
        }
        if (c.untilIdle()) {
            how = untilIdle(c, observer);
        }
        return new Cooled((System.nanoTime() - start) / 1e9, how);
    }

    private String untilIdle(Suite.Cooldown c, Observer observer) throws InterruptedException {
        Double idle = metering == null ? null : metering.idleWatts();
        if (idle == null) {
            return "until-idle not possible: no idle baseline";
        }
        long deadline = System.nanoTime() + c.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            Double now;
            try {
                now = metering.currentWatts(Duration.ofSeconds(1));
            } catch (EnergyException e) {
                return "until-idle stopped: " + e.getMessage();
            }
            if (now != null && now <= idle * (1 + c.tolerance())) {
                return String.format(Locale.ROOT, "back to idle (%.1f W, idle %.1f W)", now, idle);
            }
        }
        observer.note("cool-down: power not back within " + Math.round(c.tolerance() * 100) + " % of idle after "
                + c.timeout().toSeconds() + " s; going on");
        return "timed out after " + c.timeout().toSeconds() + " s";
    }

    /** Re-measures an idle baseline older than the suite allows; returns the age of the one in use. */
    private Double refreshIdle(Observer observer) throws InterruptedException {
        try {
            return refresh(observer);
        } catch (EnergyException e) {
            observer.note("energy: the idle baseline could not be measured again (" + e.getMessage()
                    + "); keeping the old one");
            return ageSeconds(metering.idle().startedAt());
        }
    }

    private Double refresh(Observer observer) throws InterruptedException, EnergyException {
        if (metering == null || metering.idle() == null) {
            return null;
        }
        double age = ageSeconds(metering.idle().startedAt());
        if (age > settings.idleMaxAge().toSeconds() && !settings.idleWindow().isZero()) {
            observer.note(String.format(Locale.ROOT, "energy: idle baseline is %.0f s old; measuring it again for"
                    + " %.1f s...", age, settings.idleWindow().toNanos() / 1e9));
            metering.remeasureIdle(settings.idleWindow());
            age = ageSeconds(metering.idle().startedAt());
        }
        return age;
    }

    private static double ageSeconds(String startedAt) {
        return Duration.between(Instant.parse(startedAt), Instant.now()).toMillis() / 1e3;
    }
}
