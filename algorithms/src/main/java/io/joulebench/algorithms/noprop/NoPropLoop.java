package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.loop.EpochLoop;
import io.joulebench.algorithms.loop.Evaluation;
import io.joulebench.algorithms.loop.Progress;
import io.joulebench.algorithms.loop.StopRule;
import io.joulebench.algorithms.loop.Weights;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Both NoProp trainers on the {@link EpochLoop}, with the BP twins' rules (the NoProp spec names none): validation by
 * full inference after every epoch, early stop when validation loss has not improved for {@code patience} epochs,
 * the best-validation-accuracy state restored for the test. Samples seen count every pass: a NoProp-DT epoch is T.
 */
final class NoPropLoop {
    static final String STAGE = "main";

    private NoPropLoop() {
    }

    /** What one epoch of training did. */
    record Epoch(double lossSum, long samples, double flops, Map<String, Double> extra) {
    }

    /** One epoch of a trainer's updates. */
    interface EpochTrainer {
        Epoch train(SplittableRandom shuffleRng);
    }

    static TrainingResult run(TrainerConfig config, Dataset data, TrainingListener listener, NoPropNetwork net,
                              long evaluationSeed, SplittableRandom shuffleRng, EpochTrainer trainer) {
        int batchSize = config.get(TrainerParameters.BATCH_SIZE);
        Progress progress = new Progress(data.train().size());
        StopRule rule = StopRule.onLoss(config.get(TrainerParameters.PATIENCE),
                config.get(TrainerParameters.MIN_DELTA), StopRule.Keep.BEST_ACCURACY);
        EpochLoop.Outcome outcome = EpochLoop.run(STAGE, config.get(TrainerParameters.EPOCHS), rule,
                new EpochLoop.Stage() {
                    @Override
                    public EpochLoop.Trained train(int epoch) {
                        Epoch work = trainer.train(shuffleRng);
                        progress.trained(work.samples());
                        progress.counted(work.flops());
                        return new EpochLoop.Trained(work.samples() == 0 ? Double.NaN
                                : work.lossSum() / work.samples(), new LinkedHashMap<>(work.extra()));
                    }

                    @Override
                    public Evaluation validate(EpochLoop.Trained epoch) {
                        Evaluation val = net.evaluate(data.validation(), 2 * batchSize, evaluationSeed);
                        progress.counted(net.forwardFlops() * data.validation().size());
                        return val;
                    }
                }, Weights.copies(net.state()), progress, listener);
        listener.onTestStart();
        return progress.result(net.evaluate(data.test(), 2 * batchSize, evaluationSeed), outcome.reason());
    }
}
