package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.local.BenchReport.report;
import static io.joulebench.algorithms.local.BenchReport.reportUnscoped;
import static io.joulebench.algorithms.local.BenchReport.scaledSteps;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.algorithms.data.ImageShape;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.ConvBlock;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-thread training throughput of bp-cnn, CaFo's backprop twin, on both engines, beside
 * {@code cafo.CafoThroughputBench} (same sizes, same BENCH lines, names matching benchmarks/torch_cnn.py). Here
 * because the trainers are package-private.
 * Runs only with {@code -Djoulebench.bench=true} and asserts nothing.
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class BpCnnThroughputBench {
    static final int B = 128;

    @Test
    void step() {
        int steps = scaledSteps(30);
        // The provider's defaults are the study's Fashion-MNIST twin: channels 32,128,512, batch 128, its lr and wd.
        TrainerConfig config = TrainerConfig.resolve(new BpCnnProvider(), Map.of(), Map.of());
        ImageShape shape = Datasets.info(Datasets.FASHION_MNIST).shape();
        // buildNetwork reads only the dataset's description (shape, classes); the batch below is random.
        DataSplit none = new DataSplit("none", shape, new float[0], new int[0]);
        Dataset data = new Dataset(Datasets.info(Datasets.FASHION_MNIST), none, none, none, "random", Map.of(), null);
        BpCnnTrainer trainer = new BpCnnTrainer(config);
        MultiLayerNetwork net = trainer.buildNetwork(data, new SplittableRandom(1));

        SplittableRandom rng = new SplittableRandom(2);
        int classes = data.info().numClasses();
        float[] x = new float[B * shape.size()];
        float[] y = new float[B * classes];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < B; i++) {
            y[i * classes + rng.nextInt(classes)] = 1f;
        }
        // Built once: the trainer builds one per batch, a negligible copy beside the step.
        DataSet batch = new DataSet(Nd4j.create(x, trainer.inputShape(data, B), DataType.FLOAT),
                Nd4j.create(y, new long[] {B, classes}, DataType.FLOAT));
        // Counted as the trainer counts it: forward + backward = 3 x the forward multiply-adds of convs and Linear.
        double flops = 3 * trainer.forwardFlopsPerSample(data) * B;
        // DL4J runs fit in its own workspaces, as in the trainer: no step workspace around it.
        reportUnscoped("bp-cnn step (3 blocks + linear, AdamW, DL4J)", steps, B, flops, () -> net.fit(batch));

        // The local engine (the default): CaFo's conv blocks, backprop through them, the fused host AdamW.
        LocalCnnTrainer.Cnn cnn = LocalCnnTrainer.Cnn.initialise(shape, config.getIntList("channels"), classes,
                new SplittableRandom(1));
        Adam adamW = Adam.decoupled(cnn.parameters(), config.getDouble("weight-decay"));
        double lr = config.getDouble("lr");
        int[] labels = new int[B];
        for (int i = 0; i < B; i++) {
            labels[i] = rng.nextInt(classes);
        }
        report("bp-cnn step (3 blocks + linear, AdamW)", steps, B, cnn.trainFlops(B), () -> {
            INDArray images = ConvBlock.images(x, B, shape, DataType.FLOAT);
            adamW.step(cnn.lossAndGradients(images, labels).gradients(), lr);
        });
    }
}
