package io.joulebench.algorithms.noprop;

import io.joulebench.algorithms.data.ImageShape;
import io.joulebench.algorithms.local.ConvBlock;
import io.joulebench.algorithms.local.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One NoProp block: class logits from the image x and the noisy embedding z_{t-1}.
 * <ul>
 *   <li>image path: the {@link ConvBlock} stack (conv 3x3 -> ReLU -> max-pool 2 -> BatchNorm per channel count),
 *       flatten, linear(d), BatchNorm;</li>
 *   <li>latent path: a = ReLU(BN(linear_h(z))); latent = BN(linear_h(ReLU(BN(linear_h(a))))) + a;</li>
 *   <li>fusion: concat -> linear(h) -> BN -> ReLU -> linear(h) -> BN -> ReLU -> linear(C).</li>
 * </ul>
 * The conv layers reuse the local {@link ConvBlock} (so costs compare with the CNN twin and CaFo): it pools and
 * normalises after every conv, where the paper pools after the first and third only and uses dropout 0.2; both
 * are deviations, stated in docs/algorithms-notes.md.
 */
final class DenoisingBlock {
    private final List<ConvBlock> convs;
    private final ImageShape shape;
    private final Dense imageFc;
    private final BatchNorm imageBn;
    private final Dense latent1;
    private final BatchNorm latentBn1;
    private final Dense latent2;
    private final BatchNorm latentBn2;
    private final Dense latent3;
    private final BatchNorm latentBn3;
    private final Dense fuse1;
    private final BatchNorm fuseBn1;
    private final Dense fuse2;
    private final BatchNorm fuseBn2;
    private final Dense out;
    private final int embedDim;
    // Post-ReLU activations of the last training forward: their masks are the ReLU derivatives.
    private INDArray a1;
    private INDArray a2;
    private INDArray f1;
    private INDArray f2;

    DenoisingBlock(ImageShape shape, List<Integer> channels, int embedDim, int hidden, int classes, DataType type,
                   SplittableRandom rng) {
        this.shape = shape;
        this.embedDim = embedDim;
        convs = ConvBlock.stack(shape, channels, type, rng);
        int flat = convs.get(convs.size() - 1).flatSize();
        imageFc = new Dense(flat, embedDim, type, rng);
        imageBn = new BatchNorm(embedDim, type);
        latent1 = new Dense(embedDim, hidden, type, rng);
        latentBn1 = new BatchNorm(hidden, type);
        latent2 = new Dense(hidden, hidden, type, rng);
        latentBn2 = new BatchNorm(hidden, type);
        latent3 = new Dense(hidden, hidden, type, rng);
        latentBn3 = new BatchNorm(hidden, type);
        fuse1 = new Dense(embedDim + hidden, hidden, type, rng);
        fuseBn1 = new BatchNorm(hidden, type);
        fuse2 = new Dense(hidden, hidden, type, rng);
        fuseBn2 = new BatchNorm(hidden, type);
        out = new Dense(hidden, classes, type, rng);
    }

    private List<Dense> denses() {
        return List.of(imageFc, latent1, latent2, latent3, fuse1, fuse2, out);
    }

    private List<BatchNorm> norms() {
        return List.of(imageBn, latentBn1, latentBn2, latentBn3, fuseBn1, fuseBn2);
    }

    /** Trainable parameters; {@link #backward} returns gradients in this order. */
    List<INDArray> parameters() {
        List<INDArray> p = new ArrayList<>();
        convs.forEach(c -> p.addAll(c.parameters()));
        denses().forEach(d -> p.addAll(d.parameters()));
        norms().forEach(n -> p.addAll(n.parameters()));
        return p;
    }

    /** Parameters and BatchNorm running statistics: what inference reads, what a best-weight copy holds. */
    List<INDArray> state() {
        List<INDArray> s = new ArrayList<>(parameters());
        convs.forEach(c -> s.addAll(List.of(c.runningMean, c.runningVar)));
        norms().forEach(n -> s.addAll(n.buffers()));
        return s;
    }

    /** The image batch (as datasets store it) in the conv stack's input layout. */
    INDArray images(float[] features, int n) {
        return ConvBlock.images(features, n, shape, convs.get(0).type);
    }

    /** Class logits {@code [n, C]}; {@code train} uses batch statistics and keeps what backward needs. */
    INDArray forward(INDArray images, INDArray z, boolean train) {
        INDArray h = images;
        for (ConvBlock c : convs) {
            h = c.forward(h, train);
        }
        INDArray e = imageBn.forward(imageFc.forward(h, train), train);
        INDArray u1 = Transforms.relu(latentBn1.forward(latent1.forward(z, train), train), false);
        INDArray u2 = Transforms.relu(latentBn2.forward(latent2.forward(u1, train), train), false);
        INDArray latent = latentBn3.forward(latent3.forward(u2, train), train).addi(u1);
        INDArray v1 = Transforms.relu(fuseBn1.forward(fuse1.forward(Nd4j.hstack(e, latent), train), train), false);
        INDArray v2 = Transforms.relu(fuseBn2.forward(fuse2.forward(v1, train), train), false);
        if (train) {
            a1 = u1;
            a2 = u2;
            f1 = v1;
            f2 = v2;
        }
        return out.forward(v2, train);
    }

    /** Parameter gradients in {@link #parameters()} order, and the gradient with respect to z when asked. */
    record Gradients(List<INDArray> parameters, INDArray z) {
    }

    /** Gradients of {@code sum <dLogits, logits>} for the last training forward pass. */
    Gradients backward(INDArray dLogits, boolean zGradient) {
        INDArray d = out.backward(dLogits, true);
        d = fuse2.backward(fuseBn2.backward(Steps.reluBackward(d, f2)), true);
        INDArray dCat = fuse1.backward(fuseBn1.backward(Steps.reluBackward(d, f1)), true);
        INDArray dE = dCat.get(NDArrayIndex.all(), NDArrayIndex.interval(0, embedDim)).dup('c');
        INDArray dLatent = dCat.get(NDArrayIndex.all(), NDArrayIndex.interval(embedDim, dCat.columns())).dup('c');
        INDArray dU2 = latent2.backward(latentBn2.backward(Steps.reluBackward(
                latent3.backward(latentBn3.backward(dLatent), true), a2)), true);
        INDArray dU1 = Steps.reluBackward(dU2.addi(dLatent), a1); // the skip adds its own share
        INDArray dZ = latent1.backward(latentBn1.backward(dU1), zGradient);
        INDArray dH = imageFc.backward(imageBn.backward(dE), true);
        List<List<INDArray>> convGradients = new ArrayList<>();
        for (int k = convs.size() - 1; k >= 0; k--) {
            ConvBlock.Gradients g = convs.get(k).backward(dH, k > 0);
            convGradients.add(0, g.asList().subList(0, 3));
            dH = g.input();
        }
        List<INDArray> grads = new ArrayList<>();
        convGradients.forEach(grads::addAll);
        denses().forEach(x -> grads.addAll(x.gradients()));
        norms().forEach(x -> grads.addAll(x.gradients()));
        return new Gradients(grads, dZ);
    }

    /** Gemm flops of the forward pass of one row. */
    double forwardFlops() {
        return convs.stream().mapToDouble(ConvBlock::forwardFlopsPerSample).sum()
                + denses().stream().mapToDouble(Dense::forwardFlops).sum();
    }

    /** Gemm flops of one training step on {@code rows} rows: forward, weight and input gradients (not the image's). */
    double trainFlops(int rows) {
        return rows * (3 * forwardFlops() - convs.get(0).forwardFlopsPerSample());
    }
}
