package io.joulebench.algorithms.bp;

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
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backprop twins' training loop: AdamW on cross-entropy, validation after every epoch, early stopping on
 * validation loss, the best-validation-accuracy weights restored for the test.
 */
abstract class Dl4jSupervisedTrainer implements Trainer {
    static final String STAGE = "main";

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

        int batchSize = config.getInt("batch-size");
        int maxEpochs = config.getInt("epochs");
        EarlyStopping stopping = new EarlyStopping(config.getInt("patience"), config.getDouble("min-delta"));
        double forwardFlops = forwardFlopsPerSample(data);
        int numClasses = data.info().numClasses();

        INDArray bestParams = null;
        long samplesSeen = 0;
        double flops = 0;
        int epoch = 0;
        String stopReason = "max-epochs (" + maxEpochs + ")";
        while (epoch < maxEpochs) {
            epoch++;
            listener.onEpochStart(new EpochStart(STAGE, epoch, maxEpochs));
            double lossSum = 0;
            int batches = 0;
            for (Batch b : Batches.training(data.train(), batchSize, shuffleRng, data.info().augmented())) {
                DataSet ds = new DataSet(features(b, data, batchSize), oneHot(b, numClasses));
                net.fit(ds);
                // score() adds the weight-decay term; report the data loss alone.
                lossSum += net.score() - net.calcRegularizationScore(true);
                batches++;
                samplesSeen += b.size();
            }
            // Forward + backward (about twice the forward) per training sample, one forward per validation sample.
            flops += 3 * forwardFlops * batches * batchSize + forwardFlops * data.validation().size();
            Evaluation val = evaluate(net, data, data.validation(), 2 * batchSize);
            EarlyStopping.Decision decision = stopping.update(epoch, val.loss(), val.accuracy());
            if (decision.newBestAccuracy()) {
                bestParams = net.params().dup();
            }
            listener.onEpochEnd(new EpochStats(STAGE, epoch, batches == 0 ? Double.NaN : lossSum / batches,
                    val.loss(), val.accuracy(), samplesSeen, (double) samplesSeen / data.train().size(), flops,
                    Map.of()));
            if (decision.stop()) {
                stopReason = "early-stop (validation loss, patience " + config.getInt("patience") + ")";
                break;
            }
        }
        listener.onTestStart();
        if (bestParams != null) {
            net.setParams(bestParams);
        }
        Evaluation test = evaluate(net, data, data.test(), 2 * batchSize);
        return new TrainingResult(test.accuracy(), test.loss(), epoch, Map.of(STAGE, epoch),
                stopping.bestAccuracyEpoch(), stopReason, samplesSeen, flops);
    }

    record Evaluation(double loss, double accuracy) {
    }

    /** Mean cross-entropy and accuracy in inference mode. */
    Evaluation evaluate(MultiLayerNetwork net, Dataset data, DataSplit split, int batchSize) {
        double lossSum = 0;
        long correct = 0;
        for (Batch b : Batches.evaluation(split, batchSize)) {
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
                    correct++;
                }
                lossSum -= Math.log(Math.max(p[b.labels()[i]], 1e-12f));
            }
        }
        return new Evaluation(lossSum / split.size(), (double) correct / split.size());
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
