package io.joulebench.algorithms.bp;

import static io.joulebench.algorithms.TrainerParameters.HIDDEN;

import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.Gemm;
import io.joulebench.algorithms.local.SeededInit;
import io.joulebench.algorithms.local.SoftmaxCrossEntropy;
import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.loop.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The MLP twin on the same hand-written ND4J kernels as MF and FF (engine {@code local}): gemms with transpose
 * flags, per-step workspaces, the fused host-side AdamW. Same model, loss, optimiser and stopping rules as the
 * DL4J engine ({@link BpMlpTrainer}), run by the same {@link SupervisedLoop}, so comparisons with MF and FF measure
 * the algorithms, not the libraries.
 *
 * <p>Layer k holds {@code W_k [out, in]} and {@code b_k [1, out]}; hidden layers apply ReLU, the last one gives
 * the class scores. AdamW (decoupled decay on weights and biases, as the study's {@code torch.optim.AdamW}).
 */
final class LocalMlpTrainer implements Trainer {
    private static final DataType TYPE = DataType.FLOAT;

    private final TrainerConfig config;

    LocalMlpTrainer(TrainerConfig config) {
        this.config = config;
    }

    @Override
    public TrainingResult train(TrainingTask task, TrainingListener listener) {
        Dataset data = task.dataset();
        return LocalNetwork.train(config, task, listener, rng -> Mlp.initialise(data.info().shape().size(),
                config.get(HIDDEN), data.info().numClasses(),
                config.get(BpMlpProvider.OUTPUT_INIT).equals(BpMlpProvider.INIT_NORMAL), rng.split()));
    }

    /** The network: weights and biases per layer, forward, and backprop of the mean cross-entropy. */
    static final class Mlp implements LocalNetwork {
        final List<INDArray> weights; // [out, in] per layer
        final List<INDArray> biases;  // [1, out] per layer

        Mlp(List<INDArray> weights, List<INDArray> biases) {
            this.weights = weights;
            this.biases = biases;
        }

        /**
         * PyTorch's default init (U(+-1/sqrt(fan_in)) for weights and biases) for every layer; with
         * {@code mfOutput} the output layer is N(0, 0.01^2) with zero bias, as the study's MF twin.
         */
        static Mlp initialise(int inputs, List<Integer> hidden, int classes, boolean mfOutput, SplittableRandom rng) {
            List<INDArray> w = new ArrayList<>();
            List<INDArray> b = new ArrayList<>();
            int in = inputs;
            for (int k = 0; k <= hidden.size(); k++) {
                int out = k < hidden.size() ? hidden.get(k) : classes;
                if (k == hidden.size() && mfOutput) {
                    w.add(SeededInit.normal(TYPE, 0.01, rng, out, in));
                    b.add(Steps.persistentZeros(TYPE, 1, out));
                } else {
                    w.add(SeededInit.pytorchDefault(TYPE, in, rng, out, in));
                    b.add(SeededInit.pytorchDefault(TYPE, in, rng, 1, out));
                }
                in = out;
            }
            return new Mlp(w, b);
        }

        int layers() {
            return weights.size();
        }

        /** W_1, b_1, W_2, b_2, ...: the order of {@link Step#gradients()}. */
        @Override
        public List<INDArray> parameters() {
            List<INDArray> p = new ArrayList<>();
            for (int k = 0; k < layers(); k++) {
                p.add(weights.get(k));
                p.add(biases.get(k));
            }
            return p;
        }

        /** {@code x W_k^T + b_k}, then ReLU unless k is the output layer. */
        private INDArray layer(int k, INDArray x) {
            INDArray w = weights.get(k);
            INDArray s = Nd4j.createUninitialized(x.dataType(), x.rows(), w.rows());
            Gemm.gemm(x, w, s, false, true, 1.0, 0.0);
            s.addiRowVector(biases.get(k));
            return k == layers() - 1 ? s : Transforms.relu(s, false);
        }

        /** Class scores (logits) for a batch of rows. */
        INDArray scores(INDArray x) {
            INDArray a = x;
            for (int k = 0; k < layers(); k++) {
                a = layer(k, a);
            }
            return a;
        }

        /** Summed cross-entropy over the batch and the gradients of its mean, in {@link #parameters()} order. */
        record Step(double lossSum, int correct, List<INDArray> gradients) {
        }

        Step lossAndGradients(INDArray x, int[] labels) {
            int rows = (int) x.rows();
            List<INDArray> inputs = new ArrayList<>(); // the input of each layer
            INDArray a = x;
            for (int k = 0; k < layers(); k++) {
                inputs.add(a);
                a = layer(k, a);
            }
            SoftmaxCrossEntropy.Result ce = SoftmaxCrossEntropy.withGradient(a, labels, 1.0 / rows);
            INDArray[] grads = new INDArray[2 * layers()];
            INDArray dS = ce.gradient(); // d(mean loss)/d(pre-activation) of the current layer
            for (int k = layers() - 1; k >= 0; k--) {
                INDArray in = inputs.get(k);
                INDArray w = weights.get(k);
                INDArray gW = Nd4j.createUninitialized(x.dataType(), w.rows(), w.columns());
                Gemm.gemm(dS, in, gW, true, false, 1.0, 0.0);                 // dS^T a_{k-1}
                grads[2 * k] = gW;
                grads[2 * k + 1] = Steps.columnSums(dS);
                if (k > 0) {
                    INDArray dA = Nd4j.createUninitialized(x.dataType(), rows, w.columns());
                    Gemm.gemm(dS, w, dA, false, false, 1.0, 0.0);             // dS W
                    Steps.reluBackward(dA, in);                                // ReLU' = 1 where a > 0
                    dS = dA;
                }
            }
            return new Step(ce.lossSum(), ce.correct(), List.of(grads));
        }

        @Override
        public GradientStep gradients(Batch b) {
            Step step = lossAndGradients(input(b), b.labels());
            return new GradientStep(step.lossSum(), step.gradients());
        }

        @Override
        public Evaluation evaluate(DataSplit split, int batchSize) {
            return Evaluation.over(split, batchSize, "bp-mlp-eval", (b, tally) ->
                    tally.add(SoftmaxCrossEntropy.evaluate(scores(input(b)), b.labels())));
        }

        private static INDArray input(Batch b) {
            return Steps.rows(b.features(), b.size(), b.features().length / b.size());
        }

        /** Gemm flops of the forward pass of one row. */
        @Override
        public double forwardFlops() {
            double f = 0;
            for (INDArray w : weights) {
                f += 2.0 * w.rows() * w.columns();
            }
            return f;
        }

        /** Gemm flops of one training step: forward, weight gradients, and input gradients above layer 1. */
        @Override
        public double trainFlops(int rows) {
            double first = 2.0 * weights.get(0).rows() * weights.get(0).columns();
            return rows * (3 * forwardFlops() - first);
        }
    }
}
