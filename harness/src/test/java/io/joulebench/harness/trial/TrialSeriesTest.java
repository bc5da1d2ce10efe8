package io.joulebench.harness.trial;

import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.harness.provenance.ProvenanceCollector;
import io.joulebench.harness.results.ResultsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialSeriesTest {
    private final FakeTrainer fake = new FakeTrainer();
    private final TrainerRegistry registry = new TrainerRegistry(List.of(fake));

    private List<TrialRecord> run(Path dir, List<TrialPlan> plans, List<String> events) {
        TrialSeries series = new TrialSeries(new ResultsStore(dir), new TrialRunner(new ProvenanceCollector(dir), null));
        return series.run(plans, (id, split) -> FakeTrainer.tinyDataset(), new TrialSeries.Observer() {
            @Override
            public void skipped(TrialPlan plan, TrialRecord previous) {
                events.add("skip " + plan.spec().seed());
            }

            @Override
            public TrainingListener starting(TrialPlan plan, int index, int total) {
                events.add("start " + plan.spec().seed());
                return TrainingListener.NONE;
            }

            @Override
            public void finished(TrialRecord record) {
                events.add("done " + record.spec().seed() + " " + record.status());
            }
        });
    }

    private List<TrialPlan> plans(Map<String, String> overrides, Long... seeds) {
        return TrialPlan.forSeeds(registry, "fake", "fashion-mnist-subset", null, overrides, List.of(seeds), 42);
    }

    @Test
    void everyTrialIsDurableAndARerunResumesInsteadOfRepeating(@TempDir Path dir) {
        List<String> events = new ArrayList<>();
        run(dir, plans(Map.of(), 1L, 2L), events);
        assertEquals(2, new ResultsStore(dir).readAll().size());

        events.clear();
        List<TrialRecord> again = run(dir, plans(Map.of(), 1L, 2L, 3L), events);
        assertEquals(List.of("skip 1", "skip 2", "start 3", "done 3 completed"), events);
        assertEquals(3, fake.runs.get());
        assertEquals(3, again.size());
        assertEquals(3, new ResultsStore(dir).readAll().size());
    }

    @Test
    void aFailedTrialIsRecordedAndTheNextOneStillRuns(@TempDir Path dir) {
        List<String> events = new ArrayList<>();
        List<TrialPlan> plans = new ArrayList<>(plans(Map.of("fail", "true"), 1L));
        plans.addAll(plans(Map.of(), 2L));
        List<TrialRecord> records = run(dir, plans, events);
        assertEquals(List.of("start 1", "done 1 failed", "start 2", "done 2 completed"), events);
        TrialRecord failed = new ResultsStore(dir).readAll().get(0);
        assertEquals(TrialRecord.FAILED, failed.status());
        assertTrue(failed.error().contains("scripted failure"), failed.error());
        assertNull(failed.result());
        assertEquals(1, failed.epochs().size(), "the epoch finished before the failure is kept");
        assertEquals(0.27, records.get(1).result().testAccuracy(), 1e-12);

        // A failed trial is not "done": the rerun tries it again.
        events.clear();
        run(dir, plans, events);
        assertEquals(List.of("start 1", "done 1 failed", "skip 2"), events);
    }

    @Test
    void recordsCarryEpochsTimingMemoryAndProvenance(@TempDir Path dir) {
        TrialRecord r = run(dir, plans(Map.of("epochs", "3"), 5L), new ArrayList<>()).get(0);
        assertEquals(TrialRecord.SCHEMA, r.schema());
        assertEquals(3, r.epochs().size());
        assertEquals(5L, r.spec().seed());
        assertEquals(Map.of("epochs", "3", "fail", "false"), r.spec().parameters());
        assertTrue(r.trainingSeconds() >= 0 && r.value(Metrics.TEST_SECONDS) >= 0);
        assertEquals(r.spec().key(), r.key());
        assertTrue(r.memory().peakRssBytes() > 0);
        assertTrue(r.memory().peakHeapBytes() > 0);
        assertEquals("fashion-mnist-subset", r.provenance().dataset().id());
        assertEquals(Map.of("f", "00"), r.provenance().dataset().sha256());
        assertTrue(r.provenance().backend().containsKey("blas.vendor"), r.provenance().backend().toString());
        assertTrue(r.provenance().host().cpuModel() != null);
        assertTrue(r.provenance().gitNote() != null);
    }
}
