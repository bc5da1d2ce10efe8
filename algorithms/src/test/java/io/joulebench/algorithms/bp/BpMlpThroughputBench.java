package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.local.BenchReport.report;
import static io.joulebench.algorithms.local.BenchReport.reportUnscoped;
import static io.joulebench.algorithms.local.BenchReport.scaledSteps;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.local.TestData;
import java.util.List;
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
 * Training-step throughput of the BP MLP twins (MF's 784-1000-1000-10 and FF's 784-2000x4-10, batch 128) on both
 * engines. A benchmark, not a test: runs only with {@code -Djoulebench.bench=true} and asserts nothing.
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class BpMlpThroughputBench {
    static final int B = 128;

    @Test
    void steps() {
        mlp("784-1000-1000-10", List.of(1000, 1000), 300);
        mlp("784-2000x4-10, FF twin", List.of(2000, 2000, 2000, 2000), 60);
    }

    private static void mlp(String name, List<Integer> hidden, int defaultSteps) {
        SplittableRandom rng = new SplittableRandom(1);
        float[] x = new float[B * 784];
        int[] y = new int[B];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < B; i++) {
            y[i] = rng.nextInt(10);
        }
        LocalMlpTrainer.Mlp net = LocalMlpTrainer.Mlp.initialise(784, hidden, 10, true, rng);
        Adam adamW = Adam.decoupled(net.parameters(), 2.7123e-5);
        report("bp-mlp step (" + name + ")", scaledSteps(defaultSteps), B, net.trainFlops(B),
                () -> adamW.step(net.lossAndGradients(Steps.rows(x, B, 784), y).gradients(), 2.1316e-4));

        // The DL4J engine on the same model and batch, for reference.
        String widths = String.join(",", hidden.stream().map(String::valueOf).toList());
        TrainerConfig config = TrainerConfig.resolve(TrainerRegistry.load().get(BpMlpProvider.ID), Map.of(),
                Map.of("hidden", widths, "engine", BpMlpProvider.ENGINE_DL4J));
        Dataset shapes = TestData.smaller(B, B);
        MultiLayerNetwork dl4j = new BpMlpTrainer(config).buildNetwork(shapes, new SplittableRandom(1));
        float[] oneHot = new float[B * 10];
        for (int i = 0; i < B; i++) {
            oneHot[i * 10 + y[i]] = 1;
        }
        INDArray features = Nd4j.create(x, new long[] {B, 784}, DataType.FLOAT);
        INDArray labels = Nd4j.create(oneHot, new long[] {B, 10}, DataType.FLOAT);
        DataSet batch = new DataSet(features, labels);
        reportUnscoped("bp-mlp dl4j engine step (" + name + ")", scaledSteps(defaultSteps / 2), B, net.trainFlops(B),
                () -> dl4j.fit(batch));
    }
}
