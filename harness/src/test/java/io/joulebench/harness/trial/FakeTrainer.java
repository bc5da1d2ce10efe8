package io.joulebench.harness.trial;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.ParameterSpec;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.Datasets;
import io.joulebench.algorithms.data.ImageShape;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A trainer that trains nothing: reports scripted epochs, or throws when asked, and counts its runs. */
final class FakeTrainer implements TrainerProvider {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public String description() {
        return "scripted trainer for tests";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("epochs", 2, 1, 10, "epochs"),
                ParameterSpec.integer("patience", 10, 1, 100, "ignored: accepted as every trainer's is"),
                ParameterSpec.flag("fail", false, "throw in epoch 2"));
    }

    @Override
    public Trainer create(TrainerConfig config) {
        return (task, listener) -> {
            runs.incrementAndGet();
            int n = config.getInt("epochs");
            for (int e = 1; e <= n; e++) {
                listener.onEpochStart(new EpochStart("main", e, n));
                if (e == 2 && config.getBoolean("fail")) {
                    throw new IllegalStateException("scripted failure");
                }
                listener.onEpochEnd(new EpochStats("main", e, 1.0 / e, null, 0.5, 10L * e, e, null, Map.of()));
            }
            listener.onTestStart();
            return new TrainingResult(0.25 + task.seed() / 100.0, null, n, Map.of("main", n), n, "max-epochs",
                    10L * n, null);
        };
    }

    static Dataset tinyDataset() {
        ImageShape shape = new ImageShape(1, 28, 28);
        DataSplit split = new DataSplit("s", shape, new float[784 * 2], new int[] {0, 1});
        return new Dataset(Datasets.info(Datasets.FASHION_MNIST_SUBSET), split, split, split, "memory",
                Map.of("f", "00"), 42L);
    }
}
