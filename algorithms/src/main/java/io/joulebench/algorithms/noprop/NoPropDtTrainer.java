package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.Dataset;
import io.joulebench.algorithms.local.Adam;
import io.joulebench.algorithms.local.Steps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NoProp-DT (Li, Teh, Pascanu 2025, Algorithm 1): every epoch, for t = 1..T, one pass over the shuffled training
 * data updating block t, the head and the embedding on {@link BlockObjective}; no gradient crosses blocks. One
 * epoch is therefore T data passes, and samples seen and FLOPs count all of them.
 *
 * <p>Choices where the spec is open: one AdamW per block and one for head and embedding together (PyTorch's
 * defaults besides lr and wd; the paper's code is not public); each block's pass reshuffles the data; the
 * evaluation noise is drawn from a generator seeded once per trial, so every validation sees the same noise;
 * the schedule's clip of abar_T (see {@link NoiseSchedule}); stopping and best-weight rules of the BP twins
 * (see {@link NoPropLoop}). Float32 throughout, on the local kernels (oneDNN gemms, {@code ConvBlock}).
 */
final class NoPropDtTrainer implements Trainer {
    private static final DataType TYPE = DataType.FLOAT;

    private final TrainerConfig config;

    NoPropDtTrainer(TrainerConfig config) {
        this.config = config;
    }

    @Override
    public TrainingResult train(TrainingTask task, TrainingListener listener) {
        Dataset data = task.dataset();
        SplittableRandom rng = new SplittableRandom(task.seed());
        NoPropNetwork net = NoPropNetwork.build(config, data.info(), TYPE, rng.split());
        SplittableRandom shuffleRng = rng.split();
        SplittableRandom noiseRng = rng.split();
        long evaluationSeed = rng.nextLong();
        double lr = config.get(TrainerParameters.LR);
        double wd = config.get(TrainerParameters.WEIGHT_DECAY);
        double eta = config.get(NoPropParameters.ETA);
        int batchSize = config.get(TrainerParameters.BATCH_SIZE);
        List<Adam> blockOptimisers = net.blocks.stream().map(b -> Adam.decoupled(b.parameters(), wd)).toList();
        Adam sharedOptimiser = Adam.decoupled(net.sharedParameters(), wd);
        int d = net.embedding.dim();
        int classes = net.embedding.classes();
        NoPropLoop.EpochTrainer epoch = shuffle -> {
            double lossSum = 0;
            long samples = 0;
            double flops = 0;
            Map<String, Double> extra = new LinkedHashMap<>();
            for (int t = 1; t <= net.schedule.blocks(); t++) {
                DenoisingBlock block = net.block(t);
                double blockLoss = 0;
                long blockRows = 0;
                for (Batch b : Batches.training(data.train(), batchSize, shuffle, data.info().augmented())) {
                    try (MemoryWorkspace ws = Steps.open("noprop-dt-step")) {
                        BlockObjective.Noise noise = new BlockObjective.Noise(
                                Gaussians.matrix(noiseRng, b.size(), d, TYPE),
                                Gaussians.matrix(noiseRng, b.size(), d, TYPE));
                        BlockObjective.Result r = BlockObjective.lossAndGradients(block, t, net.schedule, eta,
                                net.embedding, net.head, block.images(b.features(), b.size()), b.labels(), noise);
                        blockOptimisers.get(t - 1).step(r.block(), lr);
                        List<INDArray> sharedGradients = new ArrayList<>(r.head());
                        if (net.embedding.learned) {
                            sharedGradients.add(r.embedding());
                        }
                        sharedOptimiser.step(sharedGradients, lr);
                        blockLoss += r.loss() * b.size();
                        blockRows += b.size();
                        // block step, mixture forward and backward, head forward and backward
                        flops += block.trainFlops(b.size()) + b.size() * 12.0 * classes * d;
                    }
                }
                lossSum += blockLoss;
                samples += blockRows;
                extra.put("block-" + t + "-loss", blockRows == 0 ? Double.NaN : blockLoss / blockRows);
            }
            return new NoPropLoop.Epoch(lossSum, samples, flops, extra);
        };
        return NoPropLoop.run(config, data, listener, net, evaluationSeed, shuffleRng, epoch);
    }
}
