package io.joulebench.algorithms.bp;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.loop.Evaluation;
import io.joulebench.algorithms.loop.Weights;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A BP twin's network on the local kernels: what {@link #train} needs to train it in a {@link SupervisedLoop}. */
interface LocalNetwork {
    /** Summed cross-entropy over a batch and the gradients of its mean, in {@link #parameters()} order. */
    record GradientStep(double lossSum, List<INDArray> gradients) {
    }

    /** Forward and backward pass of one training batch. */
    GradientStep gradients(Batch b);

    /** Trainable parameters, updated in place. */
    List<INDArray> parameters();

    /** The parameters and any other state inference reads: what the best-weight copy must hold. */
    default List<INDArray> state() {
        return parameters();
    }

    /** Gemm flops of one training step on {@code rows} rows. */
    double trainFlops(int rows);

    /** Gemm flops of one forward pass of one row. */
    double forwardFlops();

    /** Mean cross-entropy and accuracy in inference mode. */
    Evaluation evaluate(DataSplit split, int batchSize);

    /**
     * One trial: the network built from the trial's seed (it draws first), shuffling on the next stream, trained with
     * AdamW's lr and weight decay from {@code config} by the {@link SupervisedLoop}.
     */
    static TrainingResult train(TrainerConfig config, TrainingTask task, TrainingListener listener,
                                Function<SplittableRandom, LocalNetwork> build) {
        SplittableRandom rng = new SplittableRandom(task.seed());
        LocalNetwork net = build.apply(rng);
        SplittableRandom shuffleRng = rng.split();
        return SupervisedLoop.run(config, task.dataset(), shuffleRng, listener,
                withAdamW(net, config.get(TrainerParameters.LR), config.get(TrainerParameters.WEIGHT_DECAY)));
    }

    /**
     * The network trained with AdamW (decoupled decay on every parameter, as the study's torch.optim.AdamW), each
     * step in its own workspace, the best state kept in persistent copies.
     */
    private static SupervisedLoop.Model withAdamW(LocalNetwork net, double lr, double weightDecay) {
        Adam adamW = Adam.decoupled(net.parameters(), weightDecay);
        Weights best = Weights.copies(net.state());
        return new SupervisedLoop.Model() {
            @Override
            public double trainStep(Batch b) {
                try (MemoryWorkspace ws = Steps.open("bp-local-step")) {
                    GradientStep step = net.gradients(b);
                    adamW.step(step.gradients(), lr);
                    return step.lossSum();
                }
            }

            @Override
            public double trainFlops(int rows) {
                return net.trainFlops(rows);
            }

            @Override
            public double forwardFlops() {
                return net.forwardFlops();
            }

            @Override
            public Evaluation evaluate(DataSplit split, int batchSize) {
                return net.evaluate(split, batchSize);
            }

            @Override
            public Weights weights() {
                return best;
            }
        };
    }
}
