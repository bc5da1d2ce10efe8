package io.joulebench.algorithms.bp;

import io.joulebench.algorithms.local.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BpTrainersTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "dl4j"})
    void mlpLearnsFashionMnistSubset(String engine) {
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("bp-mlp", TestData.subset(),
                Map.of("hidden", "256", "epochs", "4", "lr", "1e-3", "engine", engine), 1, epochs);
        assertTrue(r.testAccuracy() > 0.80, "test accuracy " + r.testAccuracy());
        assertEquals(4, epochs.size());
        assertTrue(epochs.get(3).trainLoss() < epochs.get(0).trainLoss());
        assertEquals(4 * (9000 / 128) * 128, r.samplesSeen());
        assertEquals(r.samplesSeen() / 9000.0, epochs.get(3).dataPasses(), 1e-9);
        // Forward, weight gradients and input gradients per trained sample (the local engine skips the input
        // gradient of layer 1; DL4J's count is 3 x forward), plus one forward per validation sample, every epoch.
        double forward = 2.0 * (784 * 256 + 256 * 10);
        double train = engine.equals("local") ? 3 * forward - 2.0 * 784 * 256 : 3 * forward;
        assertEquals(train * r.samplesSeen() + 4 * forward * 1000, r.flops(), 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "dl4j"})
    void sameSeedSameResultDifferentSeedDifferentResult(String engine) {
        Dataset small = TestData.smaller(1024, 256);
        Map<String, String> params = Map.of("hidden", "64", "epochs", "2", "batch-size", "64", "engine", engine);
        List<EpochStats> a = new ArrayList<>();
        List<EpochStats> b = new ArrayList<>();
        List<EpochStats> c = new ArrayList<>();
        TrainingResult ra = TestData.train("bp-mlp", small, params, 7, a);
        TrainingResult rb = TestData.train("bp-mlp", small, params, 7, b);
        TrainingResult rc = TestData.train("bp-mlp", small, params, 8, c);
        assertEquals(ra.testAccuracy(), rb.testAccuracy());
        assertEquals(ra.testLoss(), rb.testLoss());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss());
            assertEquals(a.get(i).validationLoss(), b.get(i).validationLoss());
        }
        assertFalse(a.get(0).trainLoss() == c.get(0).trainLoss(), "another seed trains differently");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "dl4j"})
    void earlyStoppingStopsOnValidationLossAndRestoresBestAccuracyWeights(String engine) {
        Dataset cut = TestData.smaller(512, 256);
        // Testing on the validation split itself: the restored weights must score the best validation accuracy.
        Dataset small = new Dataset(cut.info(), cut.train(), cut.validation(), cut.validation(), cut.source(),
                cut.fileSha256(), cut.splitSeed());
        List<EpochStats> epochs = new ArrayList<>();
        // A huge learning rate makes validation loss stop improving quickly.
        TrainingResult r = TestData.train("bp-mlp", small, Map.of("hidden", "32", "epochs", "40", "patience", "2",
                "lr", "0.5", "batch-size", "64", "engine", engine), 3, epochs);
        assertTrue(r.epochsRun() < 40, "stopped early: " + r.epochsRun());
        assertTrue(r.stopReason().startsWith("early-stop"), r.stopReason());
        double best = epochs.stream().mapToDouble(EpochStats::validationAccuracy).max().orElseThrow();
        assertEquals(best, epochs.get(r.bestEpoch() - 1).validationAccuracy());
        assertTrue(r.bestEpoch() < r.epochsRun(), "the best epoch was not the last, so restoring matters");
        assertEquals(best, r.testAccuracy(), 1e-12, "the best-accuracy weights were restored for the test");
    }

    @Test
    void dl4jCnnTrainsOnImages() {
        Dataset small = TestData.smaller(256, 128);
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("bp-cnn", small, Map.of("channels", "4,8,16", "epochs", "3", "batch-size", "32",
                "lr", "3e-3", "engine", "dl4j"), 1, epochs);
        assertEquals(3, epochs.size());
        assertTrue(epochs.get(2).trainLoss() < epochs.get(0).trainLoss(), "loss falls");
        assertTrue(r.testAccuracy() > 0.3, "better than chance: " + r.testAccuracy());
        assertEquals(16 * 3 * 3, BpCnnTrainer.flatSize(small.info().shape(), List.of(4, 8, 16)));
        assertEquals(4608, BpCnnTrainer.flatSize(small.info().shape(), List.of(32, 128, 512)));
    }
}
