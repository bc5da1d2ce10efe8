package io.joulebench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.harness.provenance.ProvenanceCollector;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.suite.PlannedTrial;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.suite.SuiteRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunnerTest {
    private final FakeTrainer fake = new FakeTrainer();
    private final TrainerRegistry registry = new TrainerRegistry(List.of(fake));

    private List<TrialRecord> run(Path dir, List<PlannedTrial> plan, List<String> events) throws Exception {
        return run(dir, plan, events, Suite.Cooldown.NONE);
    }

    private List<TrialRecord> run(Path dir, List<PlannedTrial> plan, List<String> events, Suite.Cooldown cooldown)
            throws Exception {
        SuiteRunner runner = new SuiteRunner(new ResultsStore(dir), new InProcessExecutor(
                new TrialRunner(new ProvenanceCollector(dir), null), (id, split) -> FakeTrainer.tinyDataset()), null,
                registry, new SuiteRunner.Settings(Duration.ZERO, Duration.ofMinutes(10), cooldown), "s", "hash");
        return runner.run(plan, new SuiteRunner.Observer() {
            @Override
            public void skipped(PlannedTrial t, TrialRecord previous) {
                events.add("skip " + t.arm().id() + " " + t.plan().spec().seed());
            }

            @Override
            public TrainingListener starting(PlannedTrial t, int index, int total) {
                events.add("start " + t.arm().id() + " " + t.plan().spec().seed() + " " + t.protocol());
                return TrainingListener.NONE;
            }

            @Override
            public void finished(PlannedTrial t, TrialRecord record) {
                events.add("done " + t.arm().id() + " " + t.plan().spec().seed() + " " + record.status());
            }

            @Override
            public void note(String line) {
                events.add("note " + line);
            }
        });
    }

    private List<PlannedTrial> plan(String arm, String baseline, Map<String, String> overrides, String protocol,
                                    Long... seeds) {
        Suite.Arm a = new Suite.Arm(arm, "fake", null, "fashion-mnist-subset", overrides, baseline, 1);
        List<PlannedTrial> out = new ArrayList<>();
        for (Long s : seeds) {
            out.add(new PlannedTrial(a, TrialPlan.resolve(registry, "fake", "fashion-mnist-subset", null, overrides, s,
                    42), protocol, s.intValue(), false));
        }
        return out;
    }

    @Test
    void everyTrialIsDurableAndARerunResumesInsteadOfRepeating(@TempDir Path dir) throws Exception {
        List<String> events = new ArrayList<>();
        run(dir, plan("a", null, Map.of(), TrialSpec.OWN_CONVERGENCE, 1L, 2L), events);
        assertEquals(2, new ResultsStore(dir).readAll().size());

        events.clear();
        List<TrialRecord> again = run(dir, plan("a", null, Map.of(), TrialSpec.OWN_CONVERGENCE, 1L, 2L, 3L), events);
        assertEquals(List.of("skip a 1", "skip a 2", "start a 3 own-convergence", "done a 3 completed"), events);
        assertEquals(3, fake.runs.get());
        assertEquals(3, again.size());
        assertEquals(3, new ResultsStore(dir).readAll().size());
    }

    @Test
    void aFailedTrialIsRecordedAndTheNextOneStillRuns(@TempDir Path dir) throws Exception {
        List<String> events = new ArrayList<>();
        List<PlannedTrial> plan = new ArrayList<>(plan("a", null, Map.of("fail", "true"), TrialSpec.OWN_CONVERGENCE,
                1L));
        plan.addAll(plan("a", null, Map.of(), TrialSpec.OWN_CONVERGENCE, 2L));
        List<TrialRecord> records = run(dir, plan, events);
        assertEquals(List.of("start a 1 own-convergence", "done a 1 failed", "start a 2 own-convergence",
                "done a 2 completed"), events);
        TrialRecord failed = new ResultsStore(dir).readAll().get(0);
        assertEquals(TrialRecord.FAILED, failed.status());
        assertTrue(failed.error().contains("scripted failure"), failed.error());
        assertNull(failed.result());
        assertNull(failed.value(Metrics.TEST_ACCURACY), "a failed trial has no accuracy, never 0");
        assertEquals(1, failed.epochs().size(), "the epoch finished before the failure is kept");
        assertEquals(0.27, records.get(1).result().testAccuracy(), 1e-12);

        // A failed trial is not "done": the rerun tries it again.
        events.clear();
        run(dir, plan, events);
        assertEquals(List.of("start a 1 own-convergence", "done a 1 failed", "skip a 2"), events);
    }

    @Test
    void recordsCarryEpochsTimingMemoryProvenanceAndWhereTheySitInTheSuite(@TempDir Path dir) throws Exception {
        TrialRecord r = run(dir, plan("a", null, Map.of("epochs", "3"), TrialSpec.OWN_CONVERGENCE, 5L),
                new ArrayList<>()).get(0);
        assertEquals(TrialRecord.SCHEMA, r.schema());
        assertEquals(3, r.epochs().size());
        assertEquals(5L, r.spec().seed());
        assertEquals(Map.of("epochs", "3", "fail", "false", "patience", "10"), r.spec().parameters());
        assertTrue(r.trainingSeconds() >= 0 && r.value(Metrics.TEST_SECONDS) >= 0);
        assertEquals(r.spec().key(), r.key());
        assertTrue(r.memory().peakRssBytes() > 0);
        assertTrue(r.memory().peakHeapBytes() > 0);
        assertEquals("fashion-mnist-subset", r.provenance().dataset().id());
        assertEquals(Map.of("f", "00"), r.provenance().dataset().sha256());
        assertTrue(r.provenance().backend().containsKey("blas.vendor"), r.provenance().backend().toString());
        assertTrue(r.provenance().host().cpuModel() != null);
        assertTrue(r.provenance().gitNote() != null);
        assertEquals("a", r.suite().arm());
        assertEquals("hash", r.suite().hash());
        assertFalse(r.execution().forked());
        assertEquals(1, r.execution().order());
        assertEquals(Metrics.unavailableBecause(r, Metrics.ENERGY_JOULES), "not metered (--no-energy)");
    }

    @Test
    void matchedPassesTrainsTheArmForItsBaselinesDataPassesWithoutEarlyStopping(@TempDir Path dir)
            throws Exception {
        List<PlannedTrial> plan = new ArrayList<>(plan("bp", null, Map.of("epochs", "6"), TrialSpec.OWN_CONVERGENCE,
                1L));
        plan.addAll(plan("x", "bp", Map.of("epochs", "2"), TrialSpec.OWN_CONVERGENCE, 1L));
        plan.addAll(plan("x", "bp", Map.of("epochs", "2"), TrialSpec.MATCHED_PASSES, 1L));
        List<String> events = new ArrayList<>();
        List<TrialRecord> records = run(dir, plan, events);
        TrialRecord matched = records.get(2);
        assertEquals(TrialSpec.MATCHED_PASSES, matched.spec().protocol());
        // The fake makes one data pass per epoch: six to match the baseline's six.
        assertEquals("6", matched.spec().parameters().get("epochs"));
        assertEquals("6", matched.spec().parameters().get("patience"));
        assertEquals(6.0, matched.value(Metrics.DATA_PASSES), 1e-12);

        events.clear();
        run(dir, plan, events);
        assertEquals(List.of("skip bp 1", "skip x 1", "skip x 1"), events, "matched-passes trials resume too");
    }

    @Test
    void aFixedCoolDownIsWaitedBetweenTrialsAndRecorded(@TempDir Path dir) throws Exception {
        Suite.Cooldown fixed = new Suite.Cooldown(Duration.ofMillis(60), false, 0.05, Duration.ofSeconds(1));
        List<TrialRecord> r = run(dir, plan("a", null, Map.of(), TrialSpec.OWN_CONVERGENCE, 1L, 2L),
                new ArrayList<>(), fixed);
        assertNull(r.get(0).execution().cooldownSeconds(), "nothing to cool down from before the first trial");
        assertTrue(r.get(1).execution().cooldownSeconds() >= 0.06, r.get(1).execution().toString());
        assertEquals("fixed", r.get(1).execution().cooldownNote());
    }

    @Test
    void matchedPassesWithoutItsPairedTrialsIsSkippedAndSaid(@TempDir Path dir) throws Exception {
        List<PlannedTrial> plan = new ArrayList<>(plan("bp", null, Map.of("fail", "true"),
                TrialSpec.OWN_CONVERGENCE, 1L));
        plan.addAll(plan("x", "bp", Map.of(), TrialSpec.OWN_CONVERGENCE, 1L));
        plan.addAll(plan("x", "bp", Map.of(), TrialSpec.MATCHED_PASSES, 1L));
        List<String> events = new ArrayList<>();
        run(dir, plan, events);
        assertTrue(events.get(events.size() - 1).startsWith("note skipping x (fake) on fashion-mnist-subset seed 1"
                + " matched-passes: matched-passes needs"), events.toString());
    }
}
