package io.joulebench.algorithms.bp;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.loop.EpochLoop;
import io.joulebench.algorithms.loop.Evaluation;
import io.joulebench.algorithms.loop.Progress;
import io.joulebench.algorithms.loop.StopRule;
import io.joulebench.algorithms.loop.Weights;
import java.util.SplittableRandom;

/**
 * The backprop twins on the {@link EpochLoop}, whatever engine steps the network: shuffled batches, validation
 * after every epoch, early stopping on validation loss, the best-validation-accuracy weights restored for the test.
 */
final class SupervisedLoop {
    static final String STAGE = "main";

    private SupervisedLoop() {
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

        /** Where the best weights are kept. */
        Weights weights();
    }

    static TrainingResult run(TrainerConfig config, Dataset data, SplittableRandom shuffleRng,
                              TrainingListener listener, Model model) {
        int batchSize = config.get(TrainerParameters.BATCH_SIZE);
        Progress progress = new Progress(data.train().size());
        EpochLoop.Stage stage = new EpochLoop.Stage() {
            @Override
            public EpochLoop.Trained train(int epoch) {
                double lossSum = 0;
                long rows = 0;
                for (Batch b : Batches.training(data.train(), batchSize, shuffleRng, data.info().augmented())) {
                    lossSum += model.trainStep(b);
                    rows += b.size();
                    progress.counted(model.trainFlops(b.size()));
                }
                progress.trained(rows);
                return EpochLoop.Trained.of(rows == 0 ? Double.NaN : lossSum / rows);
            }

            @Override
            public Evaluation validate(EpochLoop.Trained epoch) {
                Evaluation val = model.evaluate(data.validation(), 2 * batchSize);
                progress.counted(model.forwardFlops() * data.validation().size());
                return val;
            }
        };
        StopRule rule = StopRule.onLoss(config.get(TrainerParameters.PATIENCE),
                config.get(TrainerParameters.MIN_DELTA), StopRule.Keep.BEST_ACCURACY);
        EpochLoop.Outcome outcome = EpochLoop.run(STAGE, config.get(TrainerParameters.EPOCHS), rule, stage,
                model.weights(), progress, listener);
        listener.onTestStart();
        return progress.result(model.evaluate(data.test(), 2 * batchSize), outcome.reason());
    }
}
