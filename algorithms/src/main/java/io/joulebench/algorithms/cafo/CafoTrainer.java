package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
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
import io.joulebench.algorithms.local.Plateau;
import io.joulebench.algorithms.local.Steps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
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

    /**
     * Per-batch scratch memory. Without a workspace every temporary of the hand-written ops is a fresh native
     * allocation freed only by GC: much slower, and off-heap use grows until the process is killed.
     */
    private static final WorkspaceConfiguration SCRATCH = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.2).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP).policySpill(SpillPolicy.REALLOCATE).build();

    private final TrainerConfig config;
    private final boolean dfa;

    /** Opens the per-batch scratch workspace; arrays created inside must not escape it. */
    static MemoryWorkspace scratch(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(SCRATCH, "cafo-" + id);
    }

    CafoTrainer(TrainerConfig config, boolean dfa) {
        this.config = config;
        this.dfa = dfa;
    }

    /** Running totals of one trial, shared by all its stages. */
    static final class Progress {
        long samplesSeen;
        double flops;
        int epochsRun;
        final Map<String, Integer> epochsPerStage = new LinkedHashMap<>();
        final List<String> stopReasons = new ArrayList<>();
        int lastBestEpoch;

        /** One finished epoch of {@code stage} that trained on {@code samples} samples at {@code flops}. */
        void record(String stage, long samples, double flops) {
            samplesSeen += samples;
            this.flops += flops;
            epochsRun++;
            epochsPerStage.merge(stage, 1, Integer::sum);
        }
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
        List<ConvBlock> blocks = ConvBlock.stack(data.info().shape(), config.getIntList("channels"), TYPE, blockRng);
        Progress progress = new Progress();

        if (dfa) {
            new DfaPhase(blocks, data.info().numClasses(), config.getDouble("dfa-lr"), config.getDouble("dfa-wd"),
                    headRng, feedbackRng).run(config, data, shuffleRng, listener, progress);
        }
        List<LinearHead> predictors = trainPredictors(blocks, data, headRng, shuffleRng, listener, progress);

        listener.onTestStart();
        Inference inference = Inference.of(config.getString("inference"));
        Evaluation test = evaluateCascade(blocks, predictors, inference, data.test(), 2 * config.getInt("batch-size"));
        return new TrainingResult(test.accuracy(), test.loss(), progress.epochsRun, progress.epochsPerStage,
                progress.lastBestEpoch, String.join("; ", progress.stopReasons), progress.samplesSeen,
                progress.flops);
    }

    private List<LinearHead> trainPredictors(List<ConvBlock> blocks, Dataset data, SplittableRandom headRng,
                                             SplittableRandom shuffleRng, TrainingListener listener,
                                             Progress progress) {
        int batchSize = config.getInt("batch-size");
        Inference inference = Inference.of(config.getString("inference"));
        boolean leastSquares = config.getString("loss").equals("ls");
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
            progress.samplesSeen += data.train().size();
            progress.flops += block.forwardFlopsPerSample() * (data.train().size() + data.validation().size());

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
            int maxEpochs = config.getInt("epochs");
            int patience = config.getInt("patience");
            LinearHead head = LinearHead.pytorchDefault(flat, classes, config.getBoolean("predictor-bias"), TYPE,
                    headRng);
            // torch.optim.Adam with weight_decay, as the study ran the predictors (an L2 term, not AdamW).
            Adam adam = Adam.l2(head.parameters(), config.getDouble("weight-decay"));
            double lr = config.getDouble("lr");
            Plateau stopping = new Plateau(Plateau.Mode.MIN, patience, config.getDouble("min-delta"));
            int batches = n / batchSize;
            if (batches == 0) {
                throw new IllegalArgumentException("training split of " + n + " samples is smaller than one batch of "
                        + batchSize);
            }
            String reason = "max-epochs (" + maxEpochs + ")";
            int epoch = 0;
            while (epoch < maxEpochs) {
                epoch++;
                listener.onEpochStart(new EpochStart(stage, epoch, maxEpochs));
                int[] order = Splits.permutation(n, shuffleRng);
                double lossSum = 0;
                for (int k = 0; k < batches; k++) {
                    int[] rows = Arrays.copyOfRange(order, k * batchSize, (k + 1) * batchSize);
                    int[] labels = new int[batchSize];
                    for (int i = 0; i < batchSize; i++) {
                        labels[i] = trainLabels[rows[i]];
                    }
                    try (MemoryWorkspace ws = scratch("predictor")) {
                        LinearHead.Step step = head.lossAndGradients(Steps.gatherRows(train, rows), labels);
                        adam.step(step.gradients(), lr);
                        lossSum += step.loss();
                    }
                }
                long samples = (long) batches * batchSize;
                // Forward gemm and weight-gradient gemm per trained sample, one forward per validation sample.
                double flops = samples * 4.0 * flat * classes + validationLabels.length * 2.0 * flat * classes;
                progress.record(stage, samples, flops);
                boolean stop = endEpoch(epoch, lossSum / batches, head, stopping);
                if (stop) {
                    reason = "early-stop (validation loss, patience " + patience + ")";
                    break;
                }
            }
            progress.stopReasons.add(stage + ": " + reason);
            progress.lastBestEpoch = stopping.bestEpoch();
            return head;
        }

        LinearHead leastSquares() {
            int flat = (int) train.size(1);
            boolean bias = config.getBoolean("predictor-bias");
            listener.onEpochStart(new EpochStart(stage, 1, 1));
            LinearHead head = LeastSquares.fit(train, trainLabels, classes, bias, TYPE);
            double trainLoss = meanSquaredError(head.logits(train), trainLabels);
            // One pass over the training set to build the Gram matrix, plus the solve and the training error.
            double flops = LeastSquares.flops(trainLabels.length, flat, classes, bias)
                    + 2.0 * (trainLabels.length + validationLabels.length) * flat * classes;
            progress.record(stage, trainLabels.length, flops);
            endEpoch(1, trainLoss, head, null);
            progress.stopReasons.add(stage + ": closed-form least squares");
            progress.lastBestEpoch = 1;
            return head;
        }

        /** Validation of the stage's predictor and of the cascade so far; reports the epoch. */
        private boolean endEpoch(int epoch, double trainLoss, LinearHead head, Plateau stopping) {
            INDArray logits = head.logits(validation);
            double validationLoss = stopping == null ? meanSquaredError(logits, validationLabels)
                    : LinearHead.crossEntropySum(logits, validationLabels) / validationLabels.length;
            double ownAccuracy = accuracy(LinearHead.argmax(logits), validationLabels);
            List<INDArray> cascade = new ArrayList<>(finishedValidationLogits);
            cascade.add(logits);
            double cascadeAccuracy = accuracy(inference.predict(cascade), validationLabels);
            listener.onEpochEnd(new EpochStats(stage, epoch, trainLoss, validationLoss, ownAccuracy,
                    progress.samplesSeen, progress.samplesSeen / (double) trainLabels.length, progress.flops,
                    Map.of("cascade-validation-accuracy", cascadeAccuracy)));
            return stopping != null && stopping.update(epoch, validationLoss).stop();
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
            try (MemoryWorkspace ws = scratch("cache")) {
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

    record Evaluation(double loss, double accuracy) {
    }

    /**
     * The cascade on a split, recomputed through the blocks (inference mode) and the predictors. Loss: cross-entropy
     * of softmax(sum of logits) for {@code logits}; -log of the mean of the predictors' softmax for {@code softmax}.
     */
    static Evaluation evaluateCascade(List<ConvBlock> blocks, List<LinearHead> predictors, Inference inference,
                                      DataSplit split, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        for (Batch batch : Batches.evaluation(split, batchSize)) {
          try (MemoryWorkspace ws = scratch("evaluate")) {
            INDArray x = images(batch.features(), batch.size(), split.shape());
            List<INDArray> logits = new ArrayList<>();
            for (int b = 0; b < blocks.size(); b++) {
                x = blocks.get(b).forward(x, false);
                logits.add(predictors.get(b).logits(x));
            }
            INDArray score = inference.combine(logits);
            int[] predicted = LinearHead.argmax(score);
            int[] labels = Arrays.copyOf(batch.labels(), batch.size());
            correct += Math.round(accuracy(predicted, labels) * labels.length);
            if (inference == Inference.LOGITS) {
                lossSum += LinearHead.crossEntropySum(score, labels);
            } else {
                INDArray mean = score.castTo(DataType.DOUBLE).divi(predictors.size());
                for (int i = 0; i < labels.length; i++) {
                    lossSum -= Math.log(Math.max(mean.getDouble(i, labels[i]), 1e-12));
                }
            }
          }
        }
        return new Evaluation(lossSum / split.size(), (double) correct / split.size());
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
