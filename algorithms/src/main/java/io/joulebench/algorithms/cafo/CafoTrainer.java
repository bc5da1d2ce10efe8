package io.joulebench.algorithms.cafo;

import static io.joulebench.algorithms.TrainerParameters.BATCH_SIZE;
import static io.joulebench.algorithms.TrainerParameters.CHANNELS;
import static io.joulebench.algorithms.TrainerParameters.EPOCHS;
import static io.joulebench.algorithms.TrainerParameters.LR;
import static io.joulebench.algorithms.TrainerParameters.MIN_DELTA;
import static io.joulebench.algorithms.TrainerParameters.PATIENCE;
import static io.joulebench.algorithms.TrainerParameters.WEIGHT_DECAY;

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
import io.joulebench.algorithms.data.Splits;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.ConvBlock;
import io.joulebench.algorithms.local.LinearHead;
import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.loop.EpochLoop;
import io.joulebench.algorithms.loop.Evaluation;
import io.joulebench.algorithms.loop.Progress;
import io.joulebench.algorithms.loop.StopRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * CaFo: optional DFA training of the blocks ({@code cafo-dfa}), then one predictor per block, trained one after
 * another on that block's cached outputs (the blocks are frozen by then, so the cache equals recomputation), then
 * cascade inference on the test split by a genuine forward pass through blocks and predictors.
 */
final class CafoTrainer implements Trainer {
    static final String DFA_STAGE = "dfa";
    static final DataType TYPE = DataType.FLOAT;

    private final TrainerConfig config;
    private final boolean dfa;

    CafoTrainer(TrainerConfig config, boolean dfa) {
        this.config = config;
        this.dfa = dfa;
    }

    static String predictorStage(int block) {
        return "predictor-" + (block + 1);
    }

    @Override
    public TrainingResult train(TrainingTask task, TrainingListener listener) {
        Dataset data = task.dataset();
        SplittableRandom rng = new SplittableRandom(task.seed());
        SplittableRandom blockRng = rng.split();
        SplittableRandom headRng = rng.split();
        SplittableRandom shuffleRng = rng.split();
        SplittableRandom feedbackRng = rng.split();
        List<ConvBlock> blocks = ConvBlock.stack(data.info().shape(), config.get(CHANNELS), TYPE, blockRng);
        Progress progress = new Progress(data.train().size());

        if (dfa) {
            new DfaPhase(blocks, data.info().numClasses(), config.get(CafoDfaProvider.DFA_LR),
                    config.get(CafoDfaProvider.DFA_WD), headRng, feedbackRng)
                    .run(config, data, shuffleRng, listener, progress);
        }
        List<LinearHead> predictors = trainPredictors(blocks, data, headRng, shuffleRng, listener, progress);

        listener.onTestStart();
        Inference inference = Inference.of(config.get(CafoProvider.INFERENCE));
        Evaluation test = evaluateCascade(blocks, predictors, inference, data.test(), 2 * config.get(BATCH_SIZE));
        return progress.result(test, progress.stagedReasons());
    }

    private List<LinearHead> trainPredictors(List<ConvBlock> blocks, Dataset data, SplittableRandom headRng,
                                             SplittableRandom shuffleRng, TrainingListener listener,
                                             Progress progress) {
        int batchSize = config.get(BATCH_SIZE);
        Inference inference = Inference.of(config.get(CafoProvider.INFERENCE));
        boolean leastSquares = config.get(CafoProvider.LOSS).equals(CafoProvider.LEAST_SQUARES);
        int classes = data.info().numClasses();
        List<LinearHead> predictors = new ArrayList<>();
        List<INDArray> finishedValidationLogits = new ArrayList<>();
        INDArray previousTrain = null;
        INDArray previousValidation = null;
        for (int b = 0; b < blocks.size(); b++) {
            ConvBlock block = blocks.get(b);
            INDArray train = blockOutputs(block, data.train(), previousTrain, 2 * batchSize);
            INDArray validation = blockOutputs(block, data.validation(), previousValidation, 2 * batchSize);
            release(previousTrain);
            release(previousValidation);
            // Computing the cache is one pass of the training set through this block.
            progress.trained(data.train().size());
            progress.counted(block.forwardFlopsPerSample() * (data.train().size() + data.validation().size()));

            String stage = predictorStage(b);
            StageRun run = new StageRun(stage, train, data.train().labels(), validation, data.validation().labels(),
                    classes, finishedValidationLogits, inference, listener, progress);
            LinearHead predictor = leastSquares ? run.leastSquares() : run.crossEntropy(batchSize, headRng, shuffleRng);
            predictors.add(predictor);
            finishedValidationLogits.add(predictor.logits(validation));
            previousTrain = train;
            previousValidation = validation;
        }
        release(previousTrain);
        release(previousValidation);
        return predictors;
    }

    /** One predictor stage on cached features. */
    private final class StageRun {
        final String stage;
        final INDArray train;
        final int[] trainLabels;
        final INDArray validation;
        final int[] validationLabels;
        final int classes;
        final List<INDArray> finishedValidationLogits;
        final Inference inference;
        final TrainingListener listener;
        final Progress progress;

        StageRun(String stage, INDArray train, int[] trainLabels, INDArray validation, int[] validationLabels,
                 int classes, List<INDArray> finishedValidationLogits, Inference inference,
                 TrainingListener listener, Progress progress) {
            this.stage = stage;
            this.train = train;
            this.trainLabels = trainLabels;
            this.validation = validation;
            this.validationLabels = validationLabels;
            this.classes = classes;
            this.finishedValidationLogits = finishedValidationLogits;
            this.inference = inference;
            this.listener = listener;
            this.progress = progress;
        }

        LinearHead crossEntropy(int batchSize, SplittableRandom headRng, SplittableRandom shuffleRng) {
            int flat = (int) train.size(1);
            int n = trainLabels.length;
            LinearHead head = LinearHead.pytorchDefault(flat, classes, config.get(CafoProvider.PREDICTOR_BIAS), TYPE,
                    headRng);
            // torch.optim.Adam with weight_decay, as the study ran the predictors (an L2 term, not AdamW).
            Adam adam = Adam.l2(head.parameters(), config.get(WEIGHT_DECAY));
            double lr = config.get(LR);
            int batches = n / batchSize;
            if (batches == 0) {
                throw new IllegalArgumentException("training split of " + n + " samples is smaller than one batch of "
                        + batchSize);
            }
            StopRule rule = StopRule.onLoss(config.get(PATIENCE), config.get(MIN_DELTA), StopRule.Keep.FINAL);
            EpochLoop.run(stage, config.get(EPOCHS), rule, new EpochLoop.Stage() {
                @Override
                public EpochLoop.Trained train(int epoch) {
                    int[] order = Splits.permutation(n, shuffleRng);
                    double lossSum = 0;
                    for (int k = 0; k < batches; k++) {
                        int[] rows = Arrays.copyOfRange(order, k * batchSize, (k + 1) * batchSize);
                        int[] labels = new int[batchSize];
                        for (int i = 0; i < batchSize; i++) {
                            labels[i] = trainLabels[rows[i]];
                        }
                        try (MemoryWorkspace ws = Steps.open("cafo-predictor")) {
                            LinearHead.Step step = head.lossAndGradients(Steps.gatherRows(train, rows), labels);
                            adam.step(step.gradients(), lr);
                            lossSum += step.loss();
                        }
                    }
                    long samples = (long) batches * batchSize;
                    progress.trained(samples);
                    // Forward gemm and weight-gradient gemm per trained sample, one forward per validation sample.
                    progress.counted(samples * 4.0 * flat * classes + validationLabels.length * 2.0 * flat * classes);
                    return EpochLoop.Trained.of(lossSum / batches);
                }

                @Override
                public Evaluation validate(EpochLoop.Trained epoch) {
                    return StageRun.this.validate(head, false, epoch);
                }
            }, null, progress, listener);
            return head;
        }

        LinearHead leastSquares() {
            int flat = (int) train.size(1);
            boolean bias = config.get(CafoProvider.PREDICTOR_BIAS);
            LinearHead[] fitted = new LinearHead[1];
            EpochLoop.run(stage, 1, StopRule.fixed("closed-form least squares"), new EpochLoop.Stage() {
                @Override
                public EpochLoop.Trained train(int epoch) {
                    fitted[0] = LeastSquares.fit(train, trainLabels, classes, bias, TYPE);
                    double trainLoss = meanSquaredError(fitted[0].logits(train), trainLabels);
                    progress.trained(trainLabels.length);
                    // One pass over the training set to build the Gram matrix, plus the solve and the training error.
                    progress.counted(LeastSquares.flops(trainLabels.length, flat, classes, bias)
                            + 2.0 * (trainLabels.length + validationLabels.length) * flat * classes);
                    return EpochLoop.Trained.of(trainLoss);
                }

                @Override
                public Evaluation validate(EpochLoop.Trained epoch) {
                    return StageRun.this.validate(fitted[0], true, epoch);
                }
            }, null, progress, listener);
            return fitted[0];
        }

        /**
         * The stage's predictor on the validation split (its own loss: squared error or cross-entropy, and accuracy)
         * and, as a diagnostic, the accuracy of the cascade so far.
         */
        private Evaluation validate(LinearHead head, boolean squaredError, EpochLoop.Trained epoch) {
            INDArray logits = head.logits(validation);
            double validationLoss = squaredError ? meanSquaredError(logits, validationLabels)
                    : LinearHead.crossEntropySum(logits, validationLabels) / validationLabels.length;
            double ownAccuracy = accuracy(LinearHead.argmax(logits), validationLabels);
            List<INDArray> cascade = new ArrayList<>(finishedValidationLogits);
            cascade.add(logits);
            epoch.extra().put("cascade-validation-accuracy", accuracy(inference.predict(cascade), validationLabels));
            return new Evaluation(validationLoss, ownAccuracy);
        }

        /** Mean over samples of the squared distance to the one-hot target: the loss least squares minimises. */
        private double meanSquaredError(INDArray outputs, int[] labels) {
            INDArray diff = outputs.castTo(DataType.DOUBLE).subi(LinearHead.oneHot(labels, classes, DataType.DOUBLE));
            return diff.mul(diff).sumNumber().doubleValue() / labels.length;
        }
    }

    /**
     * The outputs of {@code block} for a whole split, in inference mode, batch by batch, reading the previous
     * block's cached outputs, or the split's images for the first block ({@code previousOutputs} null).
     */
    static INDArray blockOutputs(ConvBlock block, DataSplit split, INDArray previousOutputs, int chunk) {
        int n = split.size();
        INDArray out = Nd4j.create(TYPE, n, block.flatSize());
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            try (MemoryWorkspace ws = Steps.open("cafo-cache")) {
                INDArray input;
                if (previousOutputs == null) {
                    float[] x = Arrays.copyOfRange(split.features(), from * split.shape().size(),
                            to * split.shape().size());
                    input = images(x, to - from, split.shape());
                } else {
                    input = previousOutputs.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                }
                out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(block.forward(input, false));
            }
        }
        return out;
    }

    static INDArray images(float[] features, int n, ImageShape shape) {
        return ConvBlock.images(features, n, shape, TYPE);
    }

    private static void release(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }

    /**
     * The cascade on a split, recomputed through the blocks (inference mode) and the predictors. Loss: cross-entropy
     * of softmax(sum of logits) for {@code logits}; -log of the mean of the predictors' softmax for {@code softmax}.
     */
    static Evaluation evaluateCascade(List<ConvBlock> blocks, List<LinearHead> predictors, Inference inference,
                                      DataSplit split, int batchSize) {
        return Evaluation.over(split, batchSize, "cafo-evaluate", (batch, tally) -> {
            INDArray x = images(batch.features(), batch.size(), split.shape());
            List<INDArray> logits = new ArrayList<>();
            for (int b = 0; b < blocks.size(); b++) {
                x = blocks.get(b).forward(x, false);
                logits.add(predictors.get(b).logits(x));
            }
            INDArray score = inference.combine(logits);
            int[] predicted = LinearHead.argmax(score);
            int[] labels = Arrays.copyOf(batch.labels(), batch.size());
            tally.addCorrect(Math.round(accuracy(predicted, labels) * labels.length));
            if (inference == Inference.LOGITS) {
                tally.addLoss(LinearHead.crossEntropySum(score, labels));
            } else {
                INDArray mean = score.castTo(DataType.DOUBLE).divi(predictors.size());
                for (int i = 0; i < labels.length; i++) {
                    tally.addLoss(-Math.log(Math.max(mean.getDouble(i, labels[i]), 1e-12)));
                }
            }
        });
    }

    static double accuracy(int[] predicted, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? Double.NaN : (double) correct / labels.length;
    }
}
