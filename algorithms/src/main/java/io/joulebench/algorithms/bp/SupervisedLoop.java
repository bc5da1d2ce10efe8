package io.joulebench.algorithms.bp;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The backprop twins' training loop, whatever engine steps the network: shuffled batches, validation after every
 * epoch, early stopping on validation loss, the best-validation-accuracy weights restored for the test.
 */
final class SupervisedLoop {
    static final String STAGE = "main";

    private SupervisedLoop() {
    }

    /** Mean cross-entropy and accuracy of a split. */
    record Evaluation(double loss, double accuracy) {
    }

    /** What the loop needs from a network and its optimiser. */
    interface Model {
        /** One optimiser step on the batch; returns its summed (not averaged) cross-entropy. */
        double trainStep(Batch batch);

        /** Gemm flops of one training step on {@code rows} rows. */
        double trainFlops(int rows);

        /** Gemm flops of one forward pass of one row. */
        double forwardFlops();

        /** Mean cross-entropy and accuracy in inference mode, in batches of {@code batchSize}. */
        Evaluation evaluate(DataSplit split, int batchSize);

        /** Remembers the current weights as the best so far. */
        void keepBest();

        /** Puts back the weights last kept, if any. */
        void restoreBest();
    }

    static TrainingResult run(TrainerConfig config, Dataset data, SplittableRandom shuffleRng,
                              TrainingListener listener, Model model) {
        int batchSize = config.getInt("batch-size");
        int maxEpochs = config.getInt("epochs");
        EarlyStopping stopping = new EarlyStopping(config.getInt("patience"), config.getDouble("min-delta"));
        long samplesSeen = 0;
        double flops = 0;
        int epoch = 0;
        String stopReason = "max-epochs (" + maxEpochs + ")";
        while (epoch < maxEpochs) {
            epoch++;
            listener.onEpochStart(new EpochStart(STAGE, epoch, maxEpochs));
            double lossSum = 0;
            long rows = 0;
            for (Batch b : Batches.training(data.train(), batchSize, shuffleRng, data.info().augmented())) {
                lossSum += model.trainStep(b);
                rows += b.size();
                flops += model.trainFlops(b.size());
            }
            samplesSeen += rows;
            Evaluation val = model.evaluate(data.validation(), 2 * batchSize);
            flops += model.forwardFlops() * data.validation().size();
            EarlyStopping.Decision decision = stopping.update(epoch, val.loss(), val.accuracy());
            if (decision.newBestAccuracy()) {
                model.keepBest();
            }
            listener.onEpochEnd(new EpochStats(STAGE, epoch, rows == 0 ? Double.NaN : lossSum / rows, val.loss(),
                    val.accuracy(), samplesSeen, (double) samplesSeen / data.train().size(), flops, Map.of()));
            if (decision.stop()) {
                stopReason = "early-stop (validation loss, patience " + config.getInt("patience") + ")";
                break;
            }
        }
        listener.onTestStart();
        model.restoreBest();
        Evaluation test = model.evaluate(data.test(), 2 * batchSize);
        return new TrainingResult(test.accuracy(), test.loss(), epoch, Map.of(STAGE, epoch),
                stopping.bestAccuracyEpoch(), stopReason, samplesSeen, flops);
    }
}
