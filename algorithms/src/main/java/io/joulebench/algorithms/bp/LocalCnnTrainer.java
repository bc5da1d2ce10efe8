package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.TrainerParameters.CHANNELS;

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
import io.joulebench.algorithms.local.ConvBlock;
import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.LinearHead;
import io.joulebench.algorithms.local.SoftmaxCrossEntropy;
import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.loop.Evaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CNN twin of CaFo on the same hand-written kernels as CaFo itself (engine {@code local}): CaFo's
 * {@link ConvBlock}s, then flatten and a Linear layer with bias, trained end to end by backprop with AdamW. Same
 * model, loss, optimiser and stopping rules as the DL4J engine ({@link BpCnnTrainer}), run by the same
 * {@link SupervisedLoop}, so CaFo against its twin measures the algorithms, not the libraries. The best weights
 * kept for the test include BatchNorm's running statistics, which inference uses.
 */
final class LocalCnnTrainer implements Trainer {
    private static final DataType TYPE = DataType.FLOAT;

    private final TrainerConfig config;

    LocalCnnTrainer(TrainerConfig config) {
        this.config = config;
    }

    @Override
    public TrainingResult train(TrainingTask task, TrainingListener listener) {
        Dataset data = task.dataset();
        return LocalNetwork.train(config, task, listener, rng -> Cnn.initialise(data.info().shape(),
                config.get(CHANNELS), data.info().numClasses(), rng));
    }

    /** The network: conv blocks, then a Linear head on the last block's flattened output. */
    static final class Cnn implements LocalNetwork {
        final List<ConvBlock> blocks;
        final LinearHead head;
        final ImageShape shape;

        private Cnn(List<ConvBlock> blocks, LinearHead head, ImageShape shape) {
            this.blocks = blocks;
            this.head = head;
            this.shape = shape;
        }

        /** CaFo's blocks with their Kaiming-uniform convolutions, and a Linear head with PyTorch's default init. */
        static Cnn initialise(ImageShape shape, List<Integer> channels, int classes, SplittableRandom rng) {
            return initialise(shape, channels, classes, TYPE, rng);
        }

        static Cnn initialise(ImageShape shape, List<Integer> channels, int classes, DataType type,
                              SplittableRandom rng) {
            List<ConvBlock> blocks = ConvBlock.stack(shape, channels, type, rng.split());
            int flat = blocks.get(blocks.size() - 1).flatSize();
            return new Cnn(blocks, LinearHead.pytorchDefault(flat, classes, true, type, rng.split()), shape);
        }

        /** Every block's weight, gamma and beta, then the head's weight and bias: the gradients' order. */
        @Override
        public List<INDArray> parameters() {
            List<INDArray> p = new ArrayList<>();
            blocks.forEach(b -> p.addAll(b.parameters()));
            p.addAll(head.parameters());
            return p;
        }

        /** The parameters and BatchNorm's running statistics: everything the best-weight copy must hold. */
        @Override
        public List<INDArray> state() {
            List<INDArray> s = new ArrayList<>(parameters());
            for (ConvBlock b : blocks) {
                s.add(b.runningMean);
                s.add(b.runningVar);
            }
            return s;
        }

        INDArray images(Batch b) {
            return ConvBlock.images(b.features(), b.size(), shape, blocks.get(0).type);
        }

        /** Class scores; BatchNorm on batch statistics (updating the running ones) when training. */
        INDArray logits(INDArray x, boolean train) {
            INDArray h = x;
            for (ConvBlock b : blocks) {
                h = b.forward(h, train);
            }
            return head.logits(h);
        }

        @Override
        public GradientStep gradients(Batch b) {
            return lossAndGradients(images(b), Arrays.copyOf(b.labels(), b.size()));
        }

        /** Summed cross-entropy over the batch and the gradients of its mean, in {@link #parameters()} order. */
        GradientStep lossAndGradients(INDArray x, int[] labels) {
            INDArray h = x;
            for (ConvBlock b : blocks) {
                h = b.forward(h, true);
            }
            LinearHead.Step headStep = head.lossAndGradients(h, labels);
            // d(mean loss)/d(last block's output) = (error / n) W_head^T.
            INDArray dLogits = headStep.error().div(labels.length);
            INDArray dOut = Nd4j.createUninitialized(h.dataType(), h.rows(), h.columns());
            Gemm.gemm(dLogits, head.weight, dOut, false, true, 1.0, 0.0);
            ConvBlock.Gradients[] blockGrads = new ConvBlock.Gradients[blocks.size()];
            for (int k = blocks.size() - 1; k >= 0; k--) {
                // The first block's input is the image: no gradient needed there.
                blockGrads[k] = blocks.get(k).backward(dOut, k > 0);
                dOut = blockGrads[k].input();
            }
            blocks.forEach(ConvBlock::clearCache);
            List<INDArray> grads = new ArrayList<>();
            for (ConvBlock.Gradients g : blockGrads) {
                grads.addAll(g.asList());
            }
            grads.addAll(headStep.gradients());
            return new GradientStep(headStep.loss() * labels.length, grads);
        }

        @Override
        public Evaluation evaluate(DataSplit split, int batchSize) {
            return Evaluation.over(split, batchSize, "bp-cnn-eval", (b, tally) ->
                    tally.add(SoftmaxCrossEntropy.evaluate(logits(images(b), false),
                            Arrays.copyOf(b.labels(), b.size()))));
        }

        /** Gemm flops of one forward pass of one sample: the convolutions and the head. */
        @Override
        public double forwardFlops() {
            double f = 2.0 * head.inputs() * head.classes();
            for (ConvBlock b : blocks) {
                f += b.forwardFlopsPerSample();
            }
            return f;
        }

        /**
         * Gemm flops of one training step: forward, weight gradients (the same again), and input gradients of
         * every layer but the first (whose input is the image).
         */
        @Override
        public double trainFlops(int rows) {
            return rows * (3 * forwardFlops() - blocks.get(0).forwardFlopsPerSample());
        }
    }
}
