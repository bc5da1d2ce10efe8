package io.joulebench.algorithms.cafo;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.ConvBlock;
import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.LinearHead;
import io.joulebench.algorithms.local.SeededInit;
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

/**
 * CaFo-DFA's block training. An auxiliary head A (Linear flat_last -> C, with bias) reads the last block; per
 * sample e = softmax(A h_last) - onehot(y). The last block and A take their true gradient of the mean CE. Every
 * earlier block b receives delta_b = e B_b / n through a fixed random feedback matrix B_b (C x flat_b, N(0,1)
 * rows scaled to unit norm) and back-propagates it only inside itself: its update is the gradient of
 * (1/n) sum_i <delta_b,i, output_b,i> with respect to its own parameters, its input detached. The 1/n makes
 * the feedback path use the same batch mean as the true CE gradient of the last block. Adam (PyTorch semantics,
 * L2 weight decay) over all blocks and A; BatchNorm in training mode. Hand-written ND4J rather than DL4J layers,
 * because injecting an external error into a DL4J network needs its internal workspace protocol.
 */
final class DfaPhase {
    private final List<ConvBlock> blocks;
    private final LinearHead head;
    private final List<INDArray> feedback;
    private final Adam adam;
    private final double lr;

    DfaPhase(List<ConvBlock> blocks, int classes, double lr, double weightDecay, SplittableRandom headRng,
             SplittableRandom feedbackRng) {
        this.blocks = blocks;
        DataType type = blocks.get(0).type;
        ConvBlock last = blocks.get(blocks.size() - 1);
        this.head = LinearHead.pytorchDefault(last.flatSize(), classes, true, type, headRng);
        this.feedback = new ArrayList<>();
        for (int b = 0; b < blocks.size() - 1; b++) {
            feedback.add(feedbackMatrix(classes, blocks.get(b).flatSize(), type, feedbackRng));
        }
        List<INDArray> params = new ArrayList<>();
        blocks.forEach(b -> params.addAll(b.parameters()));
        params.addAll(head.parameters());
        this.adam = Adam.l2(params, weightDecay);
        this.lr = lr;
    }

    /** Forward flops per sample: the blocks' convolutions and the auxiliary head. */
    double forwardFlopsPerSample(int classes) {
        double flops = head.inputs() * 2.0 * classes;
        for (ConvBlock b : blocks) {
            flops += b.forwardFlopsPerSample();
        }
        return flops;
    }

    /**
     * Training flops per sample: the forward, the weight gradients (the same multiply-adds again: no block computes
     * an input gradient, every block's input is detached) and the feedback projections e B_k.
     */
    double trainFlopsPerSample(int classes) {
        double feedback = 0;
        for (ConvBlock b : blocks) {
            feedback += 2.0 * classes * b.flatSize();
        }
        return 2 * forwardFlopsPerSample(classes) + feedback;
    }

    /** A C x flat matrix of N(0, 1) entries with every row scaled to unit Euclidean norm. */
    static INDArray feedbackMatrix(int classes, int flat, DataType type, SplittableRandom rng) {
        double[] v = new double[classes * flat];
        for (int c = 0; c < classes; c++) {
            double norm = 0;
            for (int j = 0; j < flat; j++) {
                double g = SeededInit.gaussian(rng);
                v[c * flat + j] = g;
                norm += g * g;
            }
            double scale = 1 / Math.sqrt(norm);
            for (int j = 0; j < flat; j++) {
                v[c * flat + j] *= scale;
            }
        }
        return Nd4j.create(v, new long[] {classes, flat}, DataType.DOUBLE).castTo(type);
    }

    List<INDArray> feedbackMatrices() {
        return feedback;
    }

    LinearHead head() {
        return head;
    }

    /** Runs the configured number of DFA epochs, reporting each as stage {@code dfa}; no early stop. */
    void run(TrainerConfig config, Dataset data, SplittableRandom shuffleRng, TrainingListener listener,
             Progress progress) {
        int epochs = config.get(CafoDfaProvider.DFA_EPOCHS);
        int batchSize = config.get(TrainerParameters.BATCH_SIZE);
        int classes = data.info().numClasses();
        double forwardFlops = forwardFlopsPerSample(classes);
        double trainFlops = trainFlopsPerSample(classes);
        EpochLoop.run(CafoTrainer.DFA_STAGE, epochs, StopRule.fixed(epochs + " epochs"), new EpochLoop.Stage() {
            @Override
            public EpochLoop.Trained train(int epoch) {
                double lossSum = 0;
                int batches = 0;
                long samples = 0;
                for (Batch batch : Batches.training(data.train(), batchSize, shuffleRng, data.info().augmented())) {
                    try (MemoryWorkspace ws = Steps.open("cafo-dfa")) {
                        INDArray x = CafoTrainer.images(batch.features(), batch.size(), data.train().shape());
                        lossSum += step(x, Arrays.copyOf(batch.labels(), batch.size()));
                    }
                    blocks.forEach(ConvBlock::clearCache);
                    batches++;
                    samples += batch.size();
                }
                if (batches == 0) {
                    throw new IllegalArgumentException("training split of " + data.train().size()
                            + " samples is smaller than one batch of " + batchSize);
                }
                progress.trained(samples);
                progress.counted(trainFlops * samples + forwardFlops * data.validation().size());
                return EpochLoop.Trained.of(lossSum / batches);
            }

            @Override
            public Evaluation validate(EpochLoop.Trained epoch) {
                return DfaPhase.this.validate(data.validation(), 2 * batchSize);
            }
        }, null, progress, listener);
        blocks.forEach(ConvBlock::clearCache);
    }

    /** What one DFA step computes before the optimiser: loss, error e per sample, gradients per block and of A. */
    record StepGradients(double loss, INDArray error, List<ConvBlock.Gradients> blocks, List<INDArray> head) {
        List<INDArray> flat() {
            List<INDArray> all = new ArrayList<>();
            blocks.forEach(g -> all.addAll(g.asList()));
            all.addAll(head);
            return all;
        }
    }

    /** One DFA update on a batch; returns the auxiliary head's mean CE before the update. */
    double step(INDArray x, int[] labels) {
        StepGradients g = gradients(x, labels);
        adam.step(g.flat(), lr);
        return g.loss();
    }

    /** The gradients one DFA step applies (blocks in training mode, so BatchNorm running statistics move). */
    StepGradients gradients(INDArray x, int[] labels) {
        List<INDArray> outputs = new ArrayList<>();
        INDArray h = x;
        for (ConvBlock b : blocks) {
            h = b.forward(h, true);
            outputs.add(h);
        }
        int last = blocks.size() - 1;
        LinearHead.Step headStep = head.lossAndGradients(outputs.get(last), labels);
        INDArray dLogits = headStep.error().div(labels.length);
        List<ConvBlock.Gradients> blockGrads = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            // Last block: true gradient through A. Earlier blocks: delta_b = e B_b / n, kept inside the block.
            INDArray dOut = Nd4j.createUninitialized(dLogits.dataType(), dLogits.rows(), blocks.get(b).flatSize());
            if (b == last) {
                Gemm.gemm(dLogits, head.weight, dOut, false, true, 1.0, 0.0);
            } else {
                Gemm.gemm(dLogits, feedback.get(b), dOut, false, false, 1.0, 0.0);
            }
            blockGrads.add(blocks.get(b).backward(dOut, false));
        }
        return new StepGradients(headStep.loss(), headStep.error(), blockGrads, headStep.gradients());
    }

    /** The auxiliary head's mean CE and accuracy on a split, blocks in inference mode (running statistics). */
    private Evaluation validate(DataSplit split, int batchSize) {
        return Evaluation.over(split, batchSize, "cafo-dfa-validate", (batch, tally) -> {
            INDArray h = CafoTrainer.images(batch.features(), batch.size(), split.shape());
            for (ConvBlock b : blocks) {
                h = b.forward(h, false);
            }
            INDArray logits = head.logits(h);
            int[] labels = Arrays.copyOf(batch.labels(), batch.size());
            tally.addLoss(LinearHead.crossEntropySum(logits, labels));
            tally.addCorrect(Math.round(CafoTrainer.accuracy(LinearHead.argmax(logits), labels) * labels.length));
        });
    }
}
