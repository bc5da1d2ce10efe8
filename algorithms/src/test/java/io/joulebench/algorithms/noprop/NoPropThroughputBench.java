package io.joulebench.algorithms.noprop;

import static io.joulebench.algorithms.local.BenchReport.report;
import static io.joulebench.algorithms.local.BenchReport.scaledSteps;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.algorithms.data.DatasetInfo;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.algorithms.local.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-thread training throughput of one {@code noprop-dt} step: one batch through one denoising block, as
 * {@link NoPropDtTrainer}'s inner loop runs it (noise drawn, images laid out, {@link BlockObjective}'s forward, loss
 * and backward, the block's AdamW and the head's AdamW). The paper's block at the provider's defaults (its Table 3
 * MNIST preset): 1x28x28 images, conv channels 32,64,128, h = 256, one-hot embedding (d = 10), T = 10, eta 0.1,
 * AdamW lr 1e-3 and wd 1e-3, batch 128; block t = 5 (the cost does not depend on t). Random images and labels.
 * The name matches benchmarks/torch_noprop.py, which does the same step in PyTorch. A benchmark, not a test: runs
 * only with {@code -Djoulebench.bench=true} and asserts nothing.
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class NoPropThroughputBench {
    static final int B = 128;
    static final int BLOCK = 5;
    static final DataType TYPE = DataType.FLOAT;

    @Test
    void step() {
        TrainerConfig config = TrainerConfig.resolve(new NoPropDtProvider(), Map.of(), Map.of());
        DatasetInfo info = Datasets.info(Datasets.MNIST);
        SplittableRandom rng = new SplittableRandom(1);
        NoPropNetwork net = NoPropNetwork.build(config, info, TYPE, rng.split());
        double lr = config.get(TrainerParameters.LR);
        double wd = config.get(TrainerParameters.WEIGHT_DECAY);
        double eta = config.get(NoPropParameters.ETA);
        DenoisingBlock block = net.block(BLOCK);
        Adam blockOptimiser = Adam.decoupled(block.parameters(), wd);
        Adam sharedOptimiser = Adam.decoupled(net.sharedParameters(), wd);
        int d = net.embedding.dim();
        int classes = net.embedding.classes();

        float[] x = new float[B * info.shape().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        int[] y = new int[B];
        for (int i = 0; i < B; i++) {
            y[i] = rng.nextInt(classes);
        }
        SplittableRandom noiseRng = rng.split();
        // As the trainer counts it: the block's step, the mixture's and the head's forward and backward.
        double flops = block.trainFlops(B) + B * 12.0 * classes * d;
        report("noprop-dt block step (conv 32,64,128, h 256, AdamW)", scaledSteps(30), B, flops, () -> {
            BlockObjective.Noise noise = new BlockObjective.Noise(Gaussians.matrix(noiseRng, B, d, TYPE),
                    Gaussians.matrix(noiseRng, B, d, TYPE));
            BlockObjective.Result r = BlockObjective.lossAndGradients(block, BLOCK, net.schedule, eta,
                    net.embedding, net.head, block.images(x, B), y, noise);
            blockOptimiser.step(r.block(), lr);
            List<INDArray> sharedGradients = new ArrayList<>(r.head());
            if (net.embedding.learned) {
                sharedGradients.add(r.embedding());
            }
            sharedOptimiser.step(sharedGradients, lr);
        });
    }
}
