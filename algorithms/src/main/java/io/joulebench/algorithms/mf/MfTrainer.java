package io.joulebench.algorithms.mf;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.HIDDEN;
import static io.joulebench.algorithms.TrainerParameters.LR;
import static io.joulebench.algorithms.TrainerParameters.MIN_DELTA;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.data.ImageShape;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.SoftmaxCrossEntropy;
import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.loop.EpochLoop;
import io.joulebench.algorithms.loop.Evaluation;
import io.joulebench.algorithms.loop.Progress;
import io.joulebench.algorithms.loop.StopRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mono-Forward training (spec/algorithms.md, "Mono-Forward").
 *
 * <p>Schedules: {@code sequential} (the study's) trains layer 1 to its own stop, freezes it, then layer 2, and so
 * on; each stage has a fresh Adam, runs at most {@code epochs} epochs (the study's epochs_per_layer), and stops
 * when the layer's own validation cross-entropy has not improved by more than {@code min-delta} for
 * {@code patience} epochs; the final weights are kept (no restore). {@code simultaneous} steps every layer on its own local loss for every minibatch,
 * for at most {@code epochs} epochs, stopping on the last layer's validation cross-entropy with the same rule.
 *
 * <p>Counting: {@code samplesSeen} is the number of training samples that went through a training step (one per
 * sample per step, whichever layer(s) the step trained); {@code dataPasses = samplesSeen / trainSize}. So a
 * sequential run of two layers with 10 epochs each makes 20 data passes. {@code flops} counts the gemms only
 * (2mnk each): forward and backward of training steps, recomputation of frozen layers where their outputs are not
 * cached, computing the cache, and the validation forwards; element-wise work and optimiser updates are left out.
 *
 * <p>Caching: with {@code cache-frozen} the outputs of frozen layers are computed once per stage for the training
 * and validation splits instead of per batch (the test split is always computed from the images, after training).
 * The two paths compute the same function, but not always the same bits: OpenBLAS's sgemm rounds a row's result
 * differently depending on where the row sits in the batch (measured here: a row's output changes in the last bit
 * when the other rows of its batch change), so the cache (fixed chunks) and per-batch recomputation (shuffled
 * batches) can differ at float32 rounding level from stage 2 on. Within one path runs are bitwise repeatable.
 * Datasets with augmentation always recompute, since the frozen layers must see each epoch's augmented images.
 */
final class MfTrainer implements Trainer {
    static final String SEQUENTIAL = "sequential";
    static final String SIMULTANEOUS = "simultaneous";
    private static final DataType TYPE = DataType.FLOAT;

    private final TrainerConfig config;

    MfTrainer(TrainerConfig config) {
        this.config = config;
    }

    static String stage(int layer) {
        return "layer-" + (layer + 1);
    }

    @Override
    public TrainingResult train(TrainingTask task, TrainingListener listener) {
        Dataset data = task.dataset();
        List<Integer> hidden = config.get(HIDDEN);
        int classes = data.info().numClasses();
        SplittableRandom rng = new SplittableRandom(task.seed());
        SplittableRandom initRng = rng.split();
        SplittableRandom shuffleRng = rng.split();
        List<MfLayer> layers = new ArrayList<>();
        int in = data.info().shape().size();
        for (int width : hidden) {
            layers.add(MfLayer.initialise(in, width, classes, initRng, TYPE));
            in = width;
        }
        Run run = new Run(data, layers, listener, shuffleRng);
        return switch (config.get(MfProvider.SCHEDULE)) {
            case SEQUENTIAL -> run.sequential();
            case SIMULTANEOUS -> run.simultaneous();
            default -> throw new InvalidConfigurationException("mf: unknown schedule '"
                    + config.get(MfProvider.SCHEDULE) + "'");
        };
    }

    /** The state of one trial. */
    private final class Run {
        final Dataset data;
        final List<MfLayer> layers;
        final TrainingListener listener;
        final SplittableRandom shuffleRng;
        final int batchSize = config.get(BATCH_SIZE);
        final double lr = config.get(LR);
        final boolean augment;
        final boolean cache;
        final Progress progress;

        Run(Dataset data, List<MfLayer> layers, TrainingListener listener, SplittableRandom shuffleRng) {
            this.data = data;
            this.layers = layers;
            this.listener = listener;
            this.shuffleRng = shuffleRng;
            this.augment = data.info().augmented();
            this.cache = config.get(MfProvider.CACHE_FROZEN) && !augment;
            this.progress = new Progress(data.train().size());
        }

        TrainingResult sequential() {
            int maxEpochs = config.get(EPOCHS);
            // What layer l sees: raw splits, or the cached outputs of the frozen layers below it.
            DataSplit train = data.train();
            DataSplit validation = data.validation();
            int frozenBelow = 0; // layers still to recompute per batch (0 when their outputs are cached)
            for (int l = 0; l < layers.size(); l++) {
                EpochLoop.run(stage(l), maxEpochs, stopRule(), new LayerStage(l, l - frozenBelow, train, validation),
                        null, progress, listener);
                if (l + 1 < layers.size()) {
                    if (cache) {
                        train = cached(train, l);
                        validation = cached(validation, l);
                    } else {
                        frozenBelow++;
                    }
                }
            }
            return finish(progress.stagedReasons());
        }

        /** Sequential: one layer trains on its own loss, fed by the frozen layers below (cached or recomputed). */
        private final class LayerStage implements EpochLoop.Stage {
            final int trained;
            final int firstRecomputed;
            final DataSplit train;
            final DataSplit validation;
            final MfLayer layer;
            final Adam adam;

            LayerStage(int trained, int firstRecomputed, DataSplit train, DataSplit validation) {
                this.trained = trained;
                this.firstRecomputed = firstRecomputed;
                this.train = train;
                this.validation = validation;
                this.layer = layers.get(trained);
                this.adam = Adam.decoupled(layer.parameters(), 0);
            }

            @Override
            public EpochLoop.Trained train(int epoch) {
                double lossSum = 0;
                long rows = 0;
                for (Batch b : Batches.training(train, batchSize, shuffleRng, augment)) {
                    try (MemoryWorkspace ws = Steps.open("mf-step")) {
                        INDArray x = recompute(input(b), firstRecomputed, trained);
                        MfLayer.Step step = layer.lossAndGradients(x, b.labels());
                        adam.step(step.gradients(), lr);
                        lossSum += step.lossSum();
                    }
                    rows += b.size();
                    progress.trained(b.size());
                    progress.counted(layer.trainFlops(b.size()) + b.size() * forwardFlops(firstRecomputed, trained));
                }
                double meanLoss = lossSum / Math.max(rows, 1);
                EpochLoop.Trained result = EpochLoop.Trained.of(meanLoss);
                result.extra().put("loss." + stage(trained), meanLoss);
                return result;
            }

            @Override
            public Evaluation validate(EpochLoop.Trained epoch) {
                return evaluate(validation, firstRecomputed, trained, true);
            }
        }

        TrainingResult simultaneous() {
            int last = layers.size() - 1;
            List<Adam> optimisers = layers.stream().map(l -> Adam.decoupled(l.parameters(), 0)).toList();
            EpochLoop.Outcome outcome = EpochLoop.run("all-layers", config.get(EPOCHS),
                    stopRule().describedAs("last layer's validation loss"), new EpochLoop.Stage() {
                        @Override
                        public EpochLoop.Trained train(int epoch) {
                            double[] lossSums = new double[layers.size()];
                            long rows = 0;
                            for (Batch b : Batches.training(data.train(), batchSize, shuffleRng, augment)) {
                                try (MemoryWorkspace ws = Steps.open("mf-step")) {
                                    INDArray x = input(b);
                                    for (int l = 0; l < layers.size(); l++) {
                                        MfLayer layer = layers.get(l);
                                        MfLayer.Step step = layer.lossAndGradients(x, b.labels());
                                        // The next layer's input: this layer's output before its update (detached).
                                        x = step.activations();
                                        optimisers.get(l).step(step.gradients(), lr);
                                        lossSums[l] += step.lossSum();
                                        progress.counted(layer.trainFlops(b.size()));
                                    }
                                }
                                rows += b.size();
                                progress.trained(b.size());
                            }
                            EpochLoop.Trained trained = EpochLoop.Trained.of(lossSums[last] / Math.max(rows, 1));
                            for (int l = 0; l < layers.size(); l++) {
                                trained.extra().put("loss." + stage(l), lossSums[l] / Math.max(rows, 1));
                            }
                            return trained;
                        }

                        @Override
                        public Evaluation validate(EpochLoop.Trained epoch) {
                            // Per-layer validation is diagnostics; the stop rule uses the last layer.
                            Evaluation e = null;
                            for (int l = 0; l < layers.size(); l++) {
                                e = evaluate(data.validation(), 0, l, true);
                                epoch.extra().put("validation-loss." + stage(l), e.loss());
                                epoch.extra().put("validation-accuracy." + stage(l), e.accuracy());
                            }
                            return e;
                        }
                    }, null, progress, listener);
            return finish(outcome.reason());
        }

        private StopRule stopRule() {
            return StopRule.onLoss(config.get(PATIENCE), config.get(MIN_DELTA), StopRule.Keep.FINAL);
        }

        /** Tests the last layer's prediction on the raw test split (never cached: the test is outside training). */
        private TrainingResult finish(String reason) {
            listener.onTestStart();
            Evaluation t = evaluate(data.test(), 0, layers.size() - 1, false);
            return progress.result(t, config.get(MfProvider.SCHEDULE) + ": " + reason);
        }

        /** Runs layers [from, to) on x; x must already be the output of layer from - 1. */
        private INDArray recompute(INDArray x, int from, int to) {
            for (int k = from; k < to; k++) {
                x = layers.get(k).forward(x);
            }
            return x;
        }

        private double forwardFlops(int from, int to) {
            double f = 0;
            for (int k = from; k < to; k++) {
                f += layers.get(k).forwardFlops();
            }
            return f;
        }

        /**
         * Mean CE and accuracy of layer {@code scored}'s projection; the split's rows feed layer {@code from}.
         * Validation counts towards the trial's flops, the final test does not.
         */
        Evaluation evaluate(DataSplit split, int from, int scored, boolean countFlops) {
            Evaluation e = Evaluation.over(split, 2 * batchSize, "mf-eval", (b, tally) -> {
                INDArray a = recompute(input(b), from, scored + 1);
                tally.add(SoftmaxCrossEntropy.evaluate(layers.get(scored).scores(a), b.labels()));
            });
            if (countFlops) {
                progress.counted(split.size() * (forwardFlops(from, scored + 1) + layers.get(scored).scoreFlops()));
            }
            return e;
        }

        /** The split pushed through layer l (whose input is the split), as a new split of width h_l. */
        private DataSplit cached(DataSplit split, int l) {
            MfLayer layer = layers.get(l);
            float[] out = new float[split.size() * layer.width()];
            int offset = 0;
            for (Batch b : Batches.evaluation(split, 2 * batchSize)) {
                try (MemoryWorkspace ws = Steps.open("mf-eval")) {
                    float[] rows = layer.forward(input(b)).data().asFloat();
                    System.arraycopy(rows, 0, out, offset, b.size() * layer.width());
                    offset += b.size() * layer.width();
                }
            }
            progress.counted((double) split.size() * layer.forwardFlops());
            return new DataSplit(split.name() + "@" + stage(l), new ImageShape(1, 1, layer.width()), out,
                    split.labels());
        }

        private INDArray input(Batch b) {
            return Steps.rows(b.features(), b.size(), b.features().length / b.size());
        }
    }

    /** The MF prediction: argmax of the last layer's class scores {@code a_L M_L^T} (first maximum on ties). */
    static int[] predict(List<MfLayer> layers, INDArray x) {
        INDArray a = x;
        for (MfLayer layer : layers) {
            a = layer.forward(a);
        }
        INDArray scores = layers.get(layers.size() - 1).scores(a);
        return SoftmaxCrossEntropy.argmaxRows(scores.dup('c').data().asDouble(), (int) scores.rows(),
                (int) scores.columns());
    }
}
