package io.joulebench.algorithms.noprop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.joulebench.algorithms.data.Batch;
import io.joulebench.algorithms.data.ImageShape;
import io.joulebench.algorithms.local.GradientCheck;
import io.joulebench.algorithms.local.LinearHead;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Finite differences in double precision against the hand-written backward passes of both objectives. */
class NoPropGradientTest {
    private static final DataType D = DataType.DOUBLE;
    private static final ImageShape SHAPE = new ImageShape(1, 8, 8);
    private static final int[] LABELS = {0, 1, 2, 0, 1};

    private static NoPropNetwork tinyNetwork(int blocks, SplittableRandom rng) {
        ClassEmbedding embedding = ClassEmbedding.prototype(3, 3, D, rng);
        List<DenoisingBlock> list = new ArrayList<>();
        for (int t = 0; t < blocks; t++) {
            list.add(new DenoisingBlock(SHAPE, List.of(2), 3, 4, 3, D, rng));
        }
        return new NoPropNetwork(list, embedding, LinearHead.pytorchDefault(3, 3, true, D, rng),
                NoiseSchedule.cosine(blocks));
    }

    @Test
    void blockLossGradientsMatchFiniteDifferencesForEveryParameterAndTheEmbedding() {
        SplittableRandom rng = new SplittableRandom(3);
        NoPropNetwork net = tinyNetwork(3, rng);
        INDArray images = GradientCheck.random(rng, LABELS.length, SHAPE.size());
        BlockObjective.Noise noise = new BlockObjective.Noise(GradientCheck.random(rng, LABELS.length, 3),
                GradientCheck.random(rng, LABELS.length, 3));
        for (int t : new int[] {1, 2}) {
            DenoisingBlock block = net.block(t);
            DoubleSupplier loss = () -> BlockObjective.lossAndGradients(block, t, net.schedule,
                    0.1, net.embedding, net.head, images, LABELS, noise).loss();
            BlockObjective.Result r = BlockObjective.lossAndGradients(block, t, net.schedule, 0.1, net.embedding,
                    net.head, images, LABELS, noise);
            List<INDArray> params = block.parameters();
            for (int i = 0; i < params.size(); i++) {
                GradientCheck.assertClose(GradientCheck.numeric(params.get(i), loss), r.block().get(i),
                        "block " + t + " parameter " + i);
            }
            for (int i = 0; i < 2; i++) {
                GradientCheck.assertClose(GradientCheck.numeric(net.head.parameters().get(i), loss),
                        r.head().get(i), "block " + t + " head parameter " + i);
            }
            GradientCheck.assertClose(GradientCheck.numeric(net.embedding.weight, loss), r.embedding(),
                    "block " + t + " embedding");
        }
    }

    @Test
    void backpropTwinGradientsThroughTheWholeChainMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(4);
        NoPropNetwork net = tinyNetwork(2, rng);
        float[] features = new float[LABELS.length * SHAPE.size()];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) rng.nextDouble();
        }
        Batch batch = new Batch(features, LABELS, LABELS.length);
        net.nearestEmbeddingHead(); // where the twin starts
        // the same noise for every evaluation: a fresh generator from one seed
        DoubleSupplier loss = () -> BpNoPropTrainer.lossAndGradients(net, batch,
                new SplittableRandom(9)).meanLoss();
        BpNoPropTrainer.Step step = BpNoPropTrainer.lossAndGradients(net, batch, new SplittableRandom(9));
        List<INDArray> params = BpNoPropTrainer.parameters(net);
        for (int i = 0; i < params.size(); i++) {
            GradientCheck.assertClose(GradientCheck.numeric(params.get(i), loss), step.gradients().get(i),
                    "parameter " + i);
        }
    }

    @Test
    void nearestEmbeddingHeadScoresMinusHalfTheScaledSquaredDistanceToEachEmbedding() {
        SplittableRandom rng = new SplittableRandom(5);
        NoPropNetwork net = tinyNetwork(1, rng);
        net.nearestEmbeddingHead();
        INDArray u = net.embedding.weight;
        double s = u.mul(u).sum(1).meanNumber().doubleValue();
        INDArray z = GradientCheck.random(rng, 4, 3);
        INDArray logits = net.head.logits(z);
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                double distance = z.getRow(i).sub(u.getRow(k)).norm2Number().doubleValue();
                double norm = z.getRow(i).norm2Number().doubleValue();
                assertEquals(-(distance * distance - norm * norm) / (2 * s), logits.getDouble(i, k), 1e-12);
            }
        }
        // one-hot embeddings: the identity, and each embedding is scored highest as its own class
        NoPropNetwork oneHot = new NoPropNetwork(net.blocks, ClassEmbedding.oneHot(3, D), net.head, net.schedule);
        oneHot.nearestEmbeddingHead();
        assertEquals(oneHot.embedding.weight, net.head.weight);
        assertEquals(List.of(0, 1, 2), Arrays.stream(LinearHead.argmax(net.head.logits(
                oneHot.embedding.weight))).boxed().toList());
    }
}
