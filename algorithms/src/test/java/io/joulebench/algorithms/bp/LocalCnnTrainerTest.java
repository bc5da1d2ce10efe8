package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.local.GradientCheck.assertClose;
import static io.joulebench.algorithms.local.GradientCheck.numeric;
import static io.joulebench.algorithms.local.GradientCheck.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.ImageShape;
import io.joulebench.algorithms.local.ConvBlock;
import io.joulebench.algorithms.local.SoftmaxCrossEntropy;
import io.joulebench.algorithms.local.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class LocalCnnTrainerTest {

    /** Every parameter's gradient, through the head and two blocks (so through a block's input gradient too). */
    @Test
    void backpropGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(6);
        // 7x7 input: the second block pools a 3x3 map in floor mode.
        LocalCnnTrainer.Cnn net = LocalCnnTrainer.Cnn.initialise(new ImageShape(2, 7, 7), List.of(3, 2), 3,
                DataType.DOUBLE, rng);
        for (ConvBlock b : net.blocks) {
            b.gamma.assign(random(rng, b.outChannels).addi(1.5));
            b.beta.assign(random(rng, b.outChannels));
        }
        INDArray x = random(rng, 4, 7 * 7 * 2);
        int[] y = {0, 2, 1, 2};
        DoubleSupplier meanLoss = () -> SoftmaxCrossEntropy.evaluate(net.logits(x, true), y).lossSum() / y.length;
        LocalNetwork.GradientStep step = net.lossAndGradients(x, y);
        assertEquals(meanLoss.getAsDouble(), step.lossSum() / y.length, 1e-12);
        List<INDArray> params = net.parameters();
        assertEquals(params.size(), step.gradients().size());
        for (int p = 0; p < params.size(); p++) {
            assertClose(numeric(params.get(p), meanLoss), step.gradients().get(p), "parameter " + p);
        }
    }

    @Test
    void learnsFashionMnistSubset() {
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("bp-cnn", TestData.subset(), Map.of("channels", "8,16,32", "epochs", "2",
                "lr", "3e-3"), 1, epochs);
        assertTrue(r.testAccuracy() > 0.75, "test accuracy " + r.testAccuracy());
        // Forward, weight gradients and input gradients (none for the image) per trained sample, plus one forward
        // per validation sample, every epoch.
        double conv1 = 2.0 * 28 * 28 * 8 * 9;
        double forward = conv1 + 2.0 * 14 * 14 * 16 * 8 * 9 + 2.0 * 7 * 7 * 32 * 16 * 9 + 2.0 * 32 * 3 * 3 * 10;
        assertEquals((3 * forward - conv1) * r.samplesSeen() + 2 * forward * 1000, r.flops(), 1e-6 * r.flops());
    }

    @Test
    void sameSeedSameResult() {
        Dataset small = TestData.smaller(512, 128);
        Map<String, String> params = Map.of("channels", "4,8", "epochs", "2", "batch-size", "64");
        TrainingResult a = TestData.train("bp-cnn", small, params, 7, new ArrayList<>());
        TrainingResult b = TestData.train("bp-cnn", small, params, 7, new ArrayList<>());
        assertEquals(a.testAccuracy(), b.testAccuracy());
        assertEquals(a.testLoss(), b.testLoss());
    }

    /**
     * Tested on the validation split itself: the restored state must score exactly the best validation accuracy,
     * which needs BatchNorm's running statistics restored with the weights (inference normalises with them).
     */
    @Test
    void restoresBestWeightsWithTheirBatchNormStatistics() {
        Dataset cut = TestData.smaller(512, 256);
        Dataset small = new Dataset(cut.info(), cut.train(), cut.validation(), cut.validation(), cut.source(),
                cut.fileSha256(), cut.splitSeed());
        List<EpochStats> epochs = new ArrayList<>();
        TrainingResult r = TestData.train("bp-cnn", small, Map.of("channels", "4,8", "epochs", "40", "patience", "2",
                "lr", "0.3", "batch-size", "32"), 3, epochs);
        assertTrue(r.stopReason().startsWith("early-stop"), r.stopReason());
        double best = epochs.stream().mapToDouble(EpochStats::validationAccuracy).max().orElseThrow();
        assertTrue(r.bestEpoch() < r.epochsRun(), "the best epoch was not the last, so restoring matters");
        assertEquals(best, r.testAccuracy(), 1e-12, "the best state was restored for the test");
    }
}
