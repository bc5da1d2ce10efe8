package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.Plateau;
import io.joulebench.algorithms.local.Steps;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The epoch loop of both NoProp trainers, with the BP twins' rules (the NoProp spec names none): validation by full
 * inference after every epoch, early stop when validation loss has not improved for {@code patience} epochs, the
 * best-validation-accuracy state restored for the test. Samples seen count every pass: a NoProp-DT epoch is T.
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
        int batchSize = config.getInt(NoPropParameters.BATCH_SIZE);
        int maxEpochs = config.getInt(NoPropParameters.EPOCHS);
        int patience = config.getInt(NoPropParameters.PATIENCE);
        Plateau loss = new Plateau(Plateau.Mode.MIN, patience, config.getDouble(NoPropParameters.MIN_DELTA));
        Plateau accuracy = new Plateau(Plateau.Mode.MAX, Integer.MAX_VALUE, 0); // selection only, never stops
        List<INDArray> state = net.state();
        List<INDArray> best = state.stream().map(Steps::persistentCopy).toList();
        long samplesSeen = 0;
        double flops = 0;
        int epoch = 0;
        String stopReason = "max-epochs (" + maxEpochs + ")";
        while (epoch < maxEpochs) {
            epoch++;
            listener.onEpochStart(new EpochStart(STAGE, epoch, maxEpochs));
            Epoch work = trainer.train(shuffleRng);
            samplesSeen += work.samples();
            flops += work.flops();
            Evaluation val = net.evaluate(data.validation(), 2 * batchSize, evaluationSeed);
            flops += net.forwardFlops() * data.validation().size();
            boolean stop = loss.update(epoch, val.loss()).stop();
            if (accuracy.update(epoch, val.accuracy()).improved()) {
                for (int i = 0; i < best.size(); i++) {
                    best.get(i).assign(state.get(i));
                }
            }
            listener.onEpochEnd(new EpochStats(STAGE, epoch, work.samples() == 0 ? Double.NaN
                    : work.lossSum() / work.samples(), val.loss(), val.accuracy(), samplesSeen,
                    (double) samplesSeen / data.train().size(), flops, work.extra()));
            if (stop) {
                stopReason = "early-stop (validation loss, patience " + patience + ")";
                break;
            }
        }
        listener.onTestStart();
        for (int i = 0; accuracy.bestEpoch() > 0 && i < best.size(); i++) {
            state.get(i).assign(best.get(i));
        }
        Evaluation test = net.evaluate(data.test(), 2 * batchSize, evaluationSeed);
        return new TrainingResult(test.accuracy(), test.loss(), epoch, Map.of(STAGE, epoch), accuracy.bestEpoch(),
                stopReason, samplesSeen, flops);
    }
}
