package io.joulebench.algorithms.ff;

import static io.joulebench.algorithms.local.BenchReport.report;
import static io.joulebench.algorithms.local.BenchReport.scaledSteps;

import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.BenchReport;
import io.joulebench.algorithms.local.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training-step throughput of FF at the study's size (784-2000x4, batch 100 = 200 stacked rows), layers and
 * AdamW only (the classifier and data preparation are small). Runs only with {@code -Djoulebench.bench=true}.
 */
@EnabledIfSystemProperty(named = "joulebench.bench", matches = "true")
class FfThroughputBench {
    @Test
    void steps() {
        int b = 100;
        SplittableRandom rng = new SplittableRandom(1);
        List<FfLayer> layers = new ArrayList<>();
        int in = 784;
        for (int l = 0; l < 4; l++) {
            layers.add(FfLayer.initialise(in, 2000, rng, DataType.FLOAT));
            in = 2000;
        }
        List<INDArray> params = new ArrayList<>();
        layers.forEach(l -> params.addAll(l.parameters()));
        Adam adam = Adam.decoupled(params, 3.5e-4);
        float[] x = new float[2 * b * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        double flops = layers.stream().mapToDouble(l -> l.trainFlops(2 * b)).sum();
        Runnable step = () -> {
            INDArray z = Steps.rows(x, 2 * b, 784);
            List<INDArray> grads = new ArrayList<>();
            for (FfLayer layer : layers) {
                FfLayer.Step s = layer.trainStep(z, b, 0.03, 0.9);
                grads.addAll(s.gradients());
                z = s.next();
            }
            adam.step(grads, 3.7e-4);
        };
        report("ff step (784-2000x4, batch 100, 200 rows)", scaledSteps(40), b, flops, step);
        if (BenchReport.singleWorkload()) {
            return; // benchmarks/throughput.sh: one timed workload per JVM, no diagnostics
        }
        // Where the time goes: the layers' forward/backward alone, and the optimiser alone.
        long layersNs = 0;
        long adamNs = 0;
        for (int i = 0; i < 20; i++) {
            try (MemoryWorkspace ws = Steps.open("bench")) {
                long a = System.nanoTime();
                INDArray z = Steps.rows(x, 2 * b, 784);
                List<INDArray> grads = new ArrayList<>();
                for (FfLayer layer : layers) {
                    FfLayer.Step s = layer.trainStep(z, b, 0.03, 0.9);
                    grads.addAll(s.gradients());
                    z = s.next();
                }
                long m = System.nanoTime();
                adam.step(grads, 3.7e-4);
                adamNs += System.nanoTime() - m;
                layersNs += m - a;
            }
        }
        System.out.printf(Locale.ROOT, "BENCH ff per step: layers %.1f ms, AdamW %.1f ms%n", layersNs / 20e6,
                adamNs / 20e6);
    }
}
