package io.joulebench.algorithms.local;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One optimiser parameter group: fixed parameter tensors, updated in place from gradients of the same shapes.
 * The learning rate is passed per step so schedules stay outside the optimiser.
 */
public interface Optimizer {

    /**
     * Applies one update. The gradient arrays may be overwritten (they serve as scratch space).
     *
     * @param gradients one per parameter, in the order the parameters were given, same shape and order ('c')
     */
    void step(List<INDArray> gradients, double learningRate);

    /** Steps taken so far. */
    int steps();

    /** Forgets all moment state, as a freshly built optimiser. */
    void reset();
}
