package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.TrainerConfig;
import io.joulebench.algorithms.TrainerParameters;
import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.Batches;
import io.joulebench.algorithms.data.DataSplit;
import io.joulebench.algorithms.data.DatasetInfo;
import io.joulebench.algorithms.local.LinearHead;
import io.joulebench.algorithms.local.SoftmaxCrossEntropy;
import io.joulebench.algorithms.local.Steps;
import io.joulebench.algorithms.loop.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What both trainers share: T blocks, the class embedding, the linear head on z_T, the schedule, and DDPM-style
 * inference {@code z_0 ~ N(0, I); z_t = a_t u_hat_t(z_{t-1}, x) + b_t z_{t-1} + sqrt(c_t) eps_t; argmax head(z_T)}.
 */
final class NoPropNetwork {
    final List<DenoisingBlock> blocks;
    final ClassEmbedding embedding;
    final LinearHead head;
    final NoiseSchedule schedule;

    NoPropNetwork(List<DenoisingBlock> blocks, ClassEmbedding embedding, LinearHead head, NoiseSchedule schedule) {
        this.blocks = List.copyOf(blocks);
        this.embedding = embedding;
        this.head = head;
        this.schedule = schedule;
    }

    /** Built from the trial's generator in a fixed order: embedding, blocks 1..T, head. */
    static NoPropNetwork build(TrainerConfig config, DatasetInfo info, DataType type, SplittableRandom rng) {
        int classes = info.numClasses();
        int t = config.get(NoPropParameters.BLOCKS);
        ClassEmbedding embedding = config.get(NoPropParameters.EMBEDDING).equals(NoPropParameters.ONE_HOT)
                ? ClassEmbedding.oneHot(classes, type)
                : ClassEmbedding.prototype(classes, config.get(NoPropParameters.EMBED_DIM), type, rng);
        List<DenoisingBlock> blocks = new ArrayList<>();
        for (int k = 0; k < t; k++) {
            blocks.add(new DenoisingBlock(info.shape(), config.get(TrainerParameters.CHANNELS),
                    embedding.dim(), config.get(NoPropParameters.HIDDEN), classes, type, rng));
        }
        LinearHead head = LinearHead.pytorchDefault(embedding.dim(), classes, true, type, rng);
        return new NoPropNetwork(blocks, embedding, head, NoiseSchedule.cosine(t));
    }

    /**
     * Sets the head to the nearest-class-embedding readout, {@code logits_k = (z . u_k - |u_k|^2 / 2) / s}: that is
     * {@code -|z - u_k|^2 / (2 s)} up to a term shared by all classes, with s the mean squared norm of the
     * embeddings (1 for one-hot, where the weight is the identity). Head class k is then the class whose embedding
     * a block's slot k mixes in. The backprop twin starts from it; NoProp-DT keeps PyTorch's default.
     */
    void nearestEmbeddingHead() {
        INDArray u = embedding.weight;
        INDArray squared = u.mul(u).sum(1);
        double s = squared.meanNumber().doubleValue();
        head.weight.assign(u.transpose().div(s));
        head.bias.assign(squared.muli(-0.5 / s).reshape(head.bias.shape()));
    }

    DenoisingBlock block(int t) {
        return blocks.get(t - 1);
    }

    /** What every block's training shares: the head, then the embedding when it is learned. */
    List<INDArray> sharedParameters() {
        List<INDArray> p = new ArrayList<>(head.parameters());
        if (embedding.learned) {
            p.add(embedding.weight);
        }
        return p;
    }

    /** Everything inference reads: blocks' parameters and running statistics, embedding, head. */
    List<INDArray> state() {
        List<INDArray> s = new ArrayList<>();
        blocks.forEach(b -> s.addAll(b.state()));
        s.add(embedding.weight);
        s.addAll(head.parameters());
        return s;
    }

    /**
     * z_T by the inference chain from z_0 ~ N(0, I), in inference mode. Each block runs in its own nested
     * workspace and only z carries over, so inference holds one block's temporaries at a time, not T blocks' (at
     * the paper's size and evaluation batch 256: 14 MiB against 172).
     */
    INDArray finalLatent(Batch b, SplittableRandom rng) {
        INDArray images = blocks.get(0).images(b.features(), b.size());
        DataType type = embedding.weight.dataType();
        INDArray z = Gaussians.matrix(rng, b.size(), embedding.dim(), type);
        for (int t = 1; t <= schedule.blocks(); t++) {
            try (MemoryWorkspace ws = Steps.open("noprop-inference-block")) {
                INDArray prediction = embedding.mix(block(t).forward(images, z, false)).prediction();
                NoiseSchedule.Step step = schedule.step(t);
                INDArray eps = Gaussians.matrix(rng, b.size(), embedding.dim(), type);
                // z b_t + a_t u_hat: the same sum as a_t u_hat + b_t z, bit for bit, written into z
                z.muli(step.b()).addi(prediction.muli(step.a())).addi(eps.muli(Math.sqrt(step.c())));
            }
        }
        return z;
    }

    /** Mean CE of the head on z_T and accuracy; the noise comes from a generator seeded with {@code seed}. */
    Evaluation evaluate(DataSplit split, int batchSize, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return Evaluation.over(split, batchSize, "noprop-eval", (b, tally) ->
                tally.add(SoftmaxCrossEntropy.evaluate(head.logits(finalLatent(b, rng)), b.labels())));
    }

    /** Gemm flops of inference on one row: every block, the mixtures and the head. */
    double forwardFlops() {
        double mixture = 2.0 * embedding.classes() * embedding.dim();
        return blocks.stream().mapToDouble(DenoisingBlock::forwardFlops).sum() + blocks.size() * mixture
                + 2.0 * head.inputs() * head.classes();
    }
}
