package io.joulebench.algorithms.bp;

import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.loop.Evaluation;
import io.joulebench.algorithms.loop.Weights;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backprop twins on DL4J's {@code MultiLayerNetwork} (AdamW on cross-entropy), run by {@link SupervisedLoop}.
 */
abstract class Dl4jSupervisedTrainer implements Trainer {
    protected final TrainerConfig config;

    Dl4jSupervisedTrainer(TrainerConfig config) {
        this.config = config;
    }

    /** A seeded network for this dataset, with weights already initialised from {@code rng}. */
    abstract MultiLayerNetwork buildNetwork(Dataset dataset, SplittableRandom rng);

    /** Shape of one batch of features as the network's input layer expects it. */
    abstract long[] inputShape(Dataset dataset, int batchSize);

    /** Floating-point operations of one forward pass of one sample. */
    abstract double forwardFlopsPerSample(Dataset dataset);

    @Override
    public TrainingResult train(TrainingTask task, TrainingListener listener) {
        Dataset data = task.dataset();
        SplittableRandom rng = new SplittableRandom(task.seed());
        MultiLayerNetwork net = buildNetwork(data, rng.split());
        SplittableRandom shuffleRng = rng.split();
        double forwardFlops = forwardFlopsPerSample(data);
        int numClasses = data.info().numClasses();

        return SupervisedLoop.run(config, data, shuffleRng, listener, new SupervisedLoop.Model() {
            @Override
            public double trainStep(Batch b) {
                net.fit(new DataSet(features(b, data, b.size()), oneHot(b, numClasses)));
                // score() is the batch mean plus the weight-decay term; report the data loss alone, summed.
                return (net.score() - net.calcRegularizationScore(true)) * b.size();
            }

            @Override
            public double trainFlops(int rows) {
                return 3 * forwardFlops * rows; // forward + backward (about twice the forward)
            }

            @Override
            public double forwardFlops() {
                return forwardFlops;
            }

            @Override
            public Evaluation evaluate(DataSplit split, int batchSize) {
                return Dl4jSupervisedTrainer.this.evaluate(net, data, split, batchSize);
            }

            @Override
            public Weights weights() {
                return new Weights() {
                    private INDArray bestParams;

                    @Override
                    public void keep() {
                        bestParams = net.params().dup();
                    }

                    @Override
                    public void restore() {
                        net.setParams(bestParams);
                    }
                };
            }
        });
    }


    /** Mean cross-entropy and accuracy in inference mode. */
    Evaluation evaluate(MultiLayerNetwork net, Dataset data, DataSplit split, int batchSize) {
        // No scratch workspace: DL4J manages its own.
        return Evaluation.over(split, batchSize, null, (b, tally) -> {
            float[][] probs = net.output(features(b, data, b.size()), false).toFloatMatrix();
            for (int i = 0; i < b.size(); i++) {
                float[] p = probs[i];
                int argmax = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[argmax]) {
                        argmax = c;
                    }
                }
                if (argmax == b.labels()[i]) {
                    tally.addCorrect(1);
                }
                tally.addLoss(-Math.log(Math.max(p[b.labels()[i]], 1e-12f)));
            }
        });
    }

    private INDArray features(Batch b, Dataset data, int batchSize) {
        long[] shape = inputShape(data, b.size());
        return Nd4j.create(b.features(), shape, DataType.FLOAT);
    }

    static INDArray oneHot(Batch b, int numClasses) {
        float[] v = new float[b.size() * numClasses];
        for (int i = 0; i < b.size(); i++) {
            v[i * numClasses + b.labels()[i]] = 1f;
        }
        return Nd4j.create(v, new long[] {b.size(), numClasses}, DataType.FLOAT);
    }
}
