package io.joulebench.algorithms.mf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MfTrainerTest {

    @Test
    void sequentialLearnsTheSubsetLayerByLayer() {
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("mf", TestData.subset(), Map.of("hidden", "256,256",
                "epochs", "2", "lr", "1e-3"), 1, epochs);
        assertTrue(r.testAccuracy() > 0.75, "test accuracy " + r.testAccuracy());
        assertEquals(Map.of("layer-1", 2, "layer-2", 2), r.epochsPerStage());
        assertEquals(List.of("layer-1", "layer-1", "layer-2", "layer-2"),
                epochs.stream().map(EpochStats::stage).toList());
        long perEpoch = (9000 / 128) * 128;
        assertEquals(4 * perEpoch, r.samplesSeen());
        assertEquals(4.0 * perEpoch / 9000, epochs.get(3).dataPasses(), 1e-12);
        // gemm flops: per trained sample 4nh + 6hC; the cache of layer 1 for train and validation; validation
        // forwards (layer 1 in stage 1; only layer 2 on cached inputs in stage 2).
        double l1 = 784.0 * 256;
        double l2 = 256.0 * 256;
        double hc = 256.0 * 10;
        double expected = perEpoch * 2 * (4 * l1 + 6 * hc) + perEpoch * 2 * (4 * l2 + 6 * hc)
                + 2 * l1 * (9000 + 1000)
                + 2 * 1000 * (2 * l1 + 2 * hc) + 2 * 1000 * (2 * l2 + 2 * hc);
        assertEquals(expected, r.flops(), expected * 1e-12);
        assertTrue(r.stopReason().startsWith("sequential: layer-1: max-epochs"), r.stopReason());
        assertTrue(Double.isFinite(r.testLoss()), "test loss " + r.testLoss());
    }

    @Test
    void sameSeedRepeatsBitwiseAndCachingFrozenLayersComputesTheSameFunction() {
        Dataset small = TestData.smaller(1000, 300);
        Map<String, String> cached = Map.of("hidden", "64,32,16", "epochs", "2", "batch-size", "64");
        Map<String, String> recomputed = new java.util.HashMap<>(cached);
        recomputed.put("cache-frozen", "false");
        List<EpochStats> a = new ArrayList<>();
        List<EpochStats> b = new ArrayList<>();
        List<EpochStats> c = new ArrayList<>();
        List<EpochStats> d = new ArrayList<>();
        TrainingResult ra = TestData.train("mf", small, cached, 5, a);
        TrainingResult rb = TestData.train("mf", small, recomputed, 5, b);
        TrainingResult rc = TestData.train("mf", small, cached, 5, c);
        TrainingResult rd = TestData.train("mf", small, cached, 6, d);
        assertEquals(a.size(), c.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).trainLoss(), c.get(i).trainLoss(), "same seed, epoch " + i);
            assertEquals(a.get(i).validationLoss(), c.get(i).validationLoss(), "same seed, epoch " + i);
            assertEquals(a.get(i).validationAccuracy(), c.get(i).validationAccuracy(), "same seed, epoch " + i);
        }
        assertEquals(ra.testAccuracy(), rc.testAccuracy());
        assertEquals(ra.testLoss(), rc.testLoss());

        // Cached vs recomputed: stage 1 has nothing frozen, so it is bitwise equal; later stages see inputs that
        // differ only by float32 rounding (see MfTrainer), so they agree closely but not bitwise.
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            double tol = a.get(i).stage().equals("layer-1") ? 0 : 1e-4 * a.get(i).trainLoss();
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), tol, "cached vs recomputed, epoch " + i);
            assertEquals(a.get(i).validationLoss(), b.get(i).validationLoss(), tol == 0 ? 0 : 1e-3,
                    "cached vs recomputed, epoch " + i);
        }
        assertEquals(ra.testAccuracy(), rb.testAccuracy(), 0.01);
        assertTrue(rb.flops() > ra.flops(), "recomputing frozen layers costs more");
        assertNotEquals(a.get(0).trainLoss(), d.get(0).trainLoss(), "another seed trains differently");
    }

    @Test
    void stagesStopOnTheirOwnValidationLossWithoutRestoring() {
        Dataset small = TestData.smaller(600, 200);
        List<EpochStats> epochs = new ArrayList<>();
        // A huge learning rate: the validation loss stops improving at once, so each stage stops after patience.
        TrainingResult r = TestData.train("mf", small, Map.of("hidden", "32,32", "epochs", "30",
                "patience", "2", "lr", "0.5", "batch-size", "50"), 3, epochs);
        for (int l = 1; l <= 2; l++) {
            String stage = "layer-" + l;
            List<EpochStats> s = epochs.stream().filter(e -> e.stage().equals(stage)).toList();
            assertTrue(s.size() < 30, stage + " stopped early after " + s.size());
            assertEquals(s.size(), r.epochsPerStage().get(stage));
            // Stopped exactly when the last `patience` epochs brought no improvement of more than min-delta.
            double bestBefore = s.subList(0, s.size() - 2).stream().mapToDouble(EpochStats::validationLoss)
                    .min().orElseThrow();
            for (EpochStats e : s.subList(s.size() - 2, s.size())) {
                assertTrue(e.validationLoss() >= bestBefore - 1e-4, stage + " epoch " + e.epoch());
            }
        }
        // Not restored: the kept weights are the last epoch's, so bestEpoch is the last stage's final epoch.
        assertEquals(r.epochsPerStage().get("layer-2"), r.bestEpoch());
        assertTrue(r.stopReason().contains("layer-1: early-stop"), r.stopReason());
    }

    @Test
    void simultaneousStepsEveryLayerEveryBatch() {
        Dataset small = TestData.smaller(2000, 500);
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("mf", small, Map.of("hidden", "128,64", "schedule", "simultaneous",
                "epochs", "3", "lr", "1e-3", "batch-size", "64"), 2, epochs);
        assertEquals(3, epochs.size());
        assertEquals("all-layers", epochs.get(0).stage());
        assertEquals(Map.of("all-layers", 3), r.epochsPerStage(), "one stage trains every layer");
        assertEquals(3 * (2000 / 64) * 64, r.samplesSeen());
        EpochStats last = epochs.get(2);
        assertTrue(last.extra().containsKey("validation-accuracy.layer-1"));
        assertEquals(last.validationAccuracy(), last.extra().get("validation-accuracy.layer-2"));
        assertTrue(last.extra().get("loss.layer-2") < epochs.get(0).extra().get("loss.layer-2"), "loss falls");
        assertTrue(r.testAccuracy() > 0.6, "learns: " + r.testAccuracy());
    }
}
