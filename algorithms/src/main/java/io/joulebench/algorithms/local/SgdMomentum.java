package io.joulebench.algorithms.local;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with momentum as PyTorch's {@code torch.optim.SGD} (dampening 0, not Nesterov): the weight decay is L2,
 * added to the gradient ({@code g += wd p}); {@code buf = mu buf + g} (the first step sets {@code buf = g});
 * {@code p -= lr buf}.
 */
public final class SgdMomentum implements Optimizer {
    private final List<INDArray> params;
    private final INDArray[] buffers;
    private final double weightDecay;
    private final double momentum;
    private int t;

    public SgdMomentum(List<INDArray> params, double weightDecay, double momentum) {
        this.params = List.copyOf(params);
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.buffers = new INDArray[params.size()];
        for (int i = 0; i < params.size(); i++) {
            buffers[i] = Steps.persistentZerosLike(params.get(i));
        }
    }

    @Override
    public void step(List<INDArray> gradients, double lr) {
        Steps.checkSameShapes(params, gradients);
        t++;
        for (int i = 0; i < params.size(); i++) {
            INDArray p = params.get(i);
            INDArray g = gradients.get(i);
            if (weightDecay != 0) {
                g.addi(p.mul(weightDecay));
            }
            if (t == 1) {
                buffers[i].assign(g);
            } else {
                buffers[i].muli(momentum).addi(g);
            }
            p.subi(buffers[i].mul(lr));
        }
    }

    @Override
    public int steps() {
        return t;
    }

    @Override
    public void reset() {
        t = 0;
        for (INDArray b : buffers) {
            b.assign(0);
        }
    }
}
