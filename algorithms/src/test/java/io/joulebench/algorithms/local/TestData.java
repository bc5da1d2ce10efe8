package io.joulebench.algorithms.local;

import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerProvider;
import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.Datasets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Shared helpers of the local-learning trainers' tests: the embedded subset, smaller cuts of it, one trial. */
public final class TestData {
    private static Dataset subset;

    private TestData() {
    }

    public static synchronized Dataset subset() {
        if (subset == null) {
            subset = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null, 42);
        }
        return subset;
    }

    /** The first n training images and the first m validation and test images. */
    public static Dataset smaller(int n, int m) {
        return smaller(n, m, m);
    }

    /** The first images of each split. */
    public static Dataset smaller(int train, int validation, int test) {
        Dataset ds = subset();
        return new Dataset(ds.info(), head(ds.train(), train), head(ds.validation(), validation),
                head(ds.test(), test), ds.source(), ds.fileSha256(), ds.splitSeed());
    }

    /** The whole training and test splits, with only the first m validation images (cheaper per-epoch checks). */
    public static Dataset shortValidation(int m) {
        Dataset ds = subset();
        return new Dataset(ds.info(), ds.train(), head(ds.validation(), m), ds.test(), ds.source(), ds.fileSha256(),
                ds.splitSeed());
    }

    static DataSplit head(DataSplit s, int n) {
        int size = s.shape().size();
        return new DataSplit(s.name(), s.shape(), Arrays.copyOf(s.features(), n * size),
                Arrays.copyOf(s.labels(), n));
    }

    /** Runs one trial of a registered trainer with defaults overridden by params, collecting epoch stats. */
    public static TrainingResult train(String trainer, Dataset ds, Map<String, String> params, long seed,
                                       List<EpochStats> epochs) {
        TrainerProvider p = TrainerRegistry.load().get(trainer);
        TrainerConfig config = TrainerConfig.resolve(p, Map.of(), params);
        return p.create(config).train(new TrainingTask(ds, config, seed), new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                epochs.add(stats);
            }
        });
    }
}
