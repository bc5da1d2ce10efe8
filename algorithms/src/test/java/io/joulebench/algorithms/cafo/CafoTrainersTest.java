package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.local.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CafoTrainersTest {

    @Test
    void cafoRandLearnsTheSubset() {
        Dataset ds = TestData.smaller(4096, 500, 1000);
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("cafo-rand", ds, Map.of("channels", "8,16,32", "epochs", "4",
                "lr", "2e-3"), 1, epochs);
        assertTrue(r.testAccuracy() > 0.75, "test accuracy " + r.testAccuracy());
        assertEquals(List.of("predictor-1", "predictor-2", "predictor-3"), List.copyOf(r.epochsPerStage().keySet()));
        assertEquals(epochs.size(), r.epochsRun());
        EpochStats last = epochs.get(epochs.size() - 1);
        assertTrue(last.extra().containsKey("cascade-validation-accuracy"));
        // One pass per block for its cache, plus the predictor epochs' full batches.
        long batches = 4096 / 128;
        assertEquals(3 * 4096 + r.epochsRun() * batches * 128, r.samplesSeen());
        assertEquals(r.samplesSeen() / 4096.0, last.dataPasses(), 1e-12);
        assertEquals(r.flops(), last.flops());
        for (String stage : r.epochsPerStage().keySet()) {
            List<EpochStats> s = epochs.stream().filter(e -> e.stage().equals(stage)).toList();
            assertTrue(s.get(s.size() - 1).trainLoss() < s.get(0).trainLoss() || s.size() == 1, stage + " learns");
        }
    }

    @Test
    void sameSeedSameResult() {
        Dataset ds = TestData.smaller(512, 128, 128);
        Map<String, String> rand = Map.of("channels", "4,8,8", "epochs", "2", "batch-size", "64");
        Map<String, String> dfa = new java.util.HashMap<>(rand);
        dfa.put("dfa-epochs", "1");
        for (String trainer : List.of("cafo-rand", "cafo-dfa")) {
            Map<String, String> params = trainer.equals("cafo-rand") ? rand : dfa;
            List<EpochStats> a = new ArrayList<>();
            List<EpochStats> b = new ArrayList<>();
            TrainingResult ra = TestData.train(trainer, ds, params, 7, a);
            TrainingResult rb = TestData.train(trainer, ds, params, 7, b);
            assertEquals(ra.testAccuracy(), rb.testAccuracy(), trainer);
            assertEquals(ra.testLoss(), rb.testLoss(), trainer);
            assertEquals(a, b, trainer + " epoch by epoch");
        }
    }

    @Test
    void cafoDfaTrainsItsBlocksThenThePredictors() {
        Dataset ds = TestData.smaller(1024, 256, 256);
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("cafo-dfa", ds, Map.of("channels", "8,16,32", "dfa-epochs", "3", "dfa-lr", "1e-3",
                "epochs", "2", "batch-size", "64"), 3, epochs);
        List<EpochStats> dfa = epochs.stream().filter(e -> e.stage().equals("dfa")).toList();
        assertEquals(3, dfa.size());
        assertTrue(dfa.get(2).trainLoss() < dfa.get(0).trainLoss(), "DFA loss falls: " + dfa);
        assertEquals(List.of("dfa", "predictor-1", "predictor-2", "predictor-3"),
                List.copyOf(r.epochsPerStage().keySet()));
        assertTrue(r.testAccuracy() > 0.4, "well above chance: " + r.testAccuracy());
    }

    @Test
    void leastSquaresAndSoftmaxInferenceVariantsRun() {
        Dataset ds = TestData.smaller(1024, 256, 512);
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("cafo-rand", ds, Map.of("channels", "4,8,16", "loss", "ls", "inference",
                "softmax", "predictor-bias", "false"), 2, epochs);
        assertEquals(3, epochs.size(), "one closed-form epoch per predictor");
        assertTrue(r.testAccuracy() > 0.6, "least squares on random features: " + r.testAccuracy());
    }
}
