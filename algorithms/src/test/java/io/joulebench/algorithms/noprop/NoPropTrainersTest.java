package io.joulebench.algorithms.noprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Learning, accounting and determinism on the embedded Fashion-MNIST subset. CI-sized models: T = 3 blocks, conv
 * channels 8,16, h = 64, one-hot embeddings (the paper: T = 10, 32,64,128, h = 256).
 */
class NoPropTrainersTest {
    private static final Map<String, String> SMALL = Map.of("blocks", "3", "channels", "8,16", "hidden", "64",
            "epochs", "5");

    @Test
    void noPropDtLearnsTheSubsetAndCountsTPassesPerEpoch() {
        List<EpochStats> epochs = new ArrayList<>();
        long start = System.nanoTime();
        TrainingResult r = TestData.train("noprop-dt", TestData.subset(), SMALL, 1, epochs);
        System.out.printf(Locale.ROOT, "noprop-dt: test accuracy %.4f after %d epochs, %.1f s%n",
                r.testAccuracy(), r.epochsRun(), (System.nanoTime() - start) / 1e9);
        assertTrue(r.testAccuracy() >= 0.80, "test accuracy " + r.testAccuracy());
        assertEquals(5, epochs.size());
        long perPass = (9000 / 128) * 128;
        assertEquals(3 * 5 * perPass, r.samplesSeen());
        for (int e = 0; e < epochs.size(); e++) {
            assertEquals(3.0 * (e + 1) * perPass / 9000, epochs.get(e).dataPasses(), 1e-12);
            assertEquals(3, epochs.get(e).extra().size());
            assertTrue(e == 0 || epochs.get(e).flops() > epochs.get(e - 1).flops());
        }
        assertEquals(epochs.get(4).flops(), r.flops());
        assertTrue(Double.isFinite(r.testLoss()));
    }

    @Test
    void backpropTwinReachesEightyPercentInFiveEpochsOfOnePassEach() {
        List<EpochStats> epochs = new ArrayList<>();
        long start = System.nanoTime();
        TrainingResult r = TestData.train("bp-noprop", TestData.subset(), SMALL, 1, epochs);
        epochs.forEach(e -> System.out.printf(Locale.ROOT, "bp-noprop: epoch %d loss %.4f val %.4f%n",
                e.epoch(), e.trainLoss(), e.validationAccuracy()));
        System.out.printf(Locale.ROOT, "bp-noprop: test accuracy %.4f after %d epochs, %.1f s%n",
                r.testAccuracy(), r.epochsRun(), (System.nanoTime() - start) / 1e9);
        // The same size, epochs and lr (the preset's 1e-3) as noprop-dt above, which reaches about 83 %; with the
        // head's PyTorch-default init (head-init=pytorch) the twin stayed near 36 % after 5 epochs.
        assertTrue(r.testAccuracy() >= 0.80, "test accuracy " + r.testAccuracy());
        assertEquals(5 * (9000 / 128) * 128, r.samplesSeen());
        assertEquals(5.0 * (9000 / 128) * 128 / 9000, epochs.get(4).dataPasses(), 1e-12);
    }

    @Test
    void sameSeedRepeatsBitForBitAndAnotherSeedDoesNot() {
        Dataset small = TestData.smaller(600, 200);
        Map<String, String> tiny = Map.of("blocks", "2", "channels", "4", "hidden", "16", "epochs", "2",
                "batch-size", "64", "embedding", "prototype", "embed-dim", "8");
        for (String trainer : List.of("noprop-dt", "bp-noprop")) {
            List<EpochStats> a = new ArrayList<>();
            List<EpochStats> b = new ArrayList<>();
            List<EpochStats> c = new ArrayList<>();
            TrainingResult ra = TestData.train(trainer, small, tiny, 5, a);
            TrainingResult rb = TestData.train(trainer, small, tiny, 5, b);
            TrainingResult rc = TestData.train(trainer, small, tiny, 6, c);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), trainer + " epoch " + i);
                assertEquals(a.get(i).validationLoss(), b.get(i).validationLoss(), trainer + " epoch " + i);
            }
            assertEquals(ra.testAccuracy(), rb.testAccuracy());
            assertEquals(ra.testLoss(), rb.testLoss());
            assertNotEquals(a.get(0).trainLoss(), c.get(0).trainLoss(), trainer + ": another seed");
        }
    }
}
