package io.joulebench.algorithms.cafo;

import static io.joulebench.algorithms.local.BenchReport.report;
import static io.joulebench.algorithms.local.BenchReport.scaledSteps;

import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.ImageShape;
import io.joulebench.algorithms.data.Splits;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.ConvBlock;
import io.joulebench.algorithms.local.LinearHead;
import io.joulebench.algorithms.local.Steps;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-thread training throughput of the CaFo trainers at the study's Fashion-MNIST size (1x28x28, 10 classes,
 * channels 32,128,512, batch 128, float32, random data). The workload names match benchmarks/torch_cnn.py, which
 * does the same work in PyTorch. A benchmark, not a test: runs only with {@code -Djoulebench.bench=true} and
 * asserts nothing. The bp-cnn twin is in {@code bp.BpCnnThroughputBench} (it needs package-private access there).
 *
 * <p>GFLOP/s use the FLOP counts the trainers record, so they agree with the trainers' reports: the convolutions'
 * and linear maps' multiply-adds only (ReLU, pooling, BatchNorm, softmax and Adam are not counted).
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class CafoThroughputBench {
    static final int B = 128;
    static final int CLASSES = 10;
    static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    static final List<Integer> CHANNELS = List.of(32, 128, 512);
    /** Rows of the synthetic block-1 feature cache the predictor step samples batches from. */
    static final int CACHE_ROWS = 8 * B;

    static float[] random(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    static int[] labels(int n, SplittableRandom rng) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(CLASSES);
        }
        return y;
    }

    static double forwardFlopsPerSample(List<ConvBlock> blocks) {
        return blocks.stream().mapToDouble(ConvBlock::forwardFlopsPerSample).sum();
    }

    @Test
    void steps() {
        int steps = scaledSteps(30);
        SplittableRandom rng = new SplittableRandom(1);
        float[] images = random(B * SHAPE.size(), rng);
        int[] y = labels(B, rng);

        // cafo-rand's cache pass: frozen blocks in inference mode (CafoTrainer.blockOutputs, one batch through all
        // three); counted as the trainer counts it, the blocks' forward FLOPs per sample.
        List<ConvBlock> frozen = ConvBlock.stack(SHAPE, CHANNELS, CafoTrainer.TYPE, rng.split());
        report("cafo blocks forward (3 blocks, inference)", steps, B, B * forwardFlopsPerSample(frozen), () -> {
            INDArray x = CafoTrainer.images(images, B, SHAPE);
            for (ConvBlock b : frozen) {
                x = b.forward(x, false);
            }
        });

        // cafo-rand's predictor loop (CafoTrainer.StageRun.crossEntropy): a batch gathered from block 1's cached
        // outputs, CE loss and gradients, Adam with L2 weight decay (the study's Fashion-MNIST lr and wd).
        // Counted as the trainer counts it: forward and weight-gradient gemms, 4 * flat * classes per sample.
        ConvBlock first = frozen.get(0);
        float[] cacheImages = random(CACHE_ROWS * SHAPE.size(), rng);
        int[] cacheLabels = labels(CACHE_ROWS, rng);
        INDArray cache = CafoTrainer.blockOutputs(first,
                new DataSplit("bench", SHAPE, cacheImages, cacheLabels), null, 2 * B);
        int flat = first.flatSize();
        LinearHead predictor = LinearHead.pytorchDefault(flat, CLASSES, true, CafoTrainer.TYPE, rng.split());
        Adam adam = Adam.l2(predictor.parameters(), 2.9375e-7);
        int[] order = Splits.permutation(CACHE_ROWS, rng);
        int[] batch = {0};
        report("cafo predictor step (6272->10, Adam)", 10 * steps, B, B * 4.0 * flat * CLASSES, () -> {
            int k = batch[0]++ % (CACHE_ROWS / B);
            int[] rows = Arrays.copyOfRange(order, k * B, (k + 1) * B);
            int[] labels = new int[B];
            for (int i = 0; i < B; i++) {
                labels[i] = cacheLabels[rows[i]];
            }
            LinearHead.Step step = predictor.lossAndGradients(Steps.gatherRows(cache, rows), labels);
            adam.step(step.gradients(), 1.3738e-3);
        });

        // cafo-dfa's block training (DfaPhase.run): one DfaPhase.step per batch, the study's Fashion-MNIST dfa-lr and
        // dfa-wd. Counted as the trainer counts it (DfaPhase.trainFlopsPerSample).
        List<ConvBlock> blocks = ConvBlock.stack(SHAPE, CHANNELS, CafoTrainer.TYPE, rng.split());
        DfaPhase dfa = new DfaPhase(blocks, CLASSES, 1.3847e-4, 1.3311e-5, rng.split(), rng.split());
        report("cafo-dfa block step (3 blocks, DFA + Adam)", steps, B, dfa.trainFlopsPerSample(CLASSES) * B, () -> {
            dfa.step(CafoTrainer.images(images, B, SHAPE), y);
            // The trainer drops the caches after each batch (they point into the closing workspace).
            blocks.forEach(ConvBlock::clearCache);
        });
    }
}
