package io.joulebench.algorithms.mf;

import static io.joulebench.algorithms.local.BenchReport.report;
import static io.joulebench.algorithms.local.BenchReport.scaledSteps;

import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.Steps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training-step throughput of MF at the study's size (784-1000-1000, batch 128). A benchmark, not a test: runs
 * only with {@code -Djoulebench.bench=true} and asserts nothing.
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class MfThroughputBench {
    static final int B = 128;

    static float[] random(int n, SplittableRandom rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return v;
    }

    @Test
    void steps() {
        SplittableRandom rng = new SplittableRandom(1);
        MfLayer l1 = MfLayer.initialise(784, 1000, 10, rng, DataType.FLOAT);
        MfLayer l2 = MfLayer.initialise(1000, 1000, 10, rng, DataType.FLOAT);
        Adam a1 = Adam.decoupled(l1.parameters(), 0);
        Adam a2 = Adam.decoupled(l2.parameters(), 0);
        float[] x784 = random(B * 784, rng);
        float[] x1000 = random(B * 1000, rng);
        int[] y = new int[B];
        for (int i = 0; i < B; i++) {
            y[i] = rng.nextInt(10);
        }
        report("mf layer-1 step (784->1000)", scaledSteps(300), B, l1.trainFlops(B), () -> {
            INDArray x = Steps.rows(x784, B, 784);
            a1.step(l1.lossAndGradients(x, y).gradients(), 1e-4);
        });
        report("mf layer-2 step (1000->1000, cached input)", scaledSteps(300), B, l2.trainFlops(B), () -> {
            INDArray x = Steps.rows(x1000, B, 1000);
            a2.step(l2.lossAndGradients(x, y).gradients(), 1e-4);
        });
        report("mf simultaneous step (both layers)", scaledSteps(300), B, l1.trainFlops(B) + l2.trainFlops(B), () -> {
            INDArray x = Steps.rows(x784, B, 784);
            MfLayer.Step s1 = l1.lossAndGradients(x, y);
            MfLayer.Step s2 = l2.lossAndGradients(s1.activations(), y);
            a1.step(s1.gradients(), 1e-4);
            a2.step(s2.gradients(), 1e-4);
        });
    }
}
