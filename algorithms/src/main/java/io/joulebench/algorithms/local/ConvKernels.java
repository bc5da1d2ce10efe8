package io.joulebench.algorithms.local;

import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a {@link ConvBlock} computes conv -> ReLU -> max-pool -> BatchNorm and its backward, on the block's own shape
 * and parameters (it updates the running statistics in place). The block checks shapes and types first: input and
 * output gradients arrive in the block's type and shape. One instance per block, used by one thread at a time; it
 * keeps what the last training-mode forward pass needs for backward.
 */
sealed interface ConvKernels permits HostConvKernels, Nd4jConvKernels {

    /** Output {@code [n, flatSize]} of input {@code [n, inputSize]}; see {@link ConvBlock#forward}. */
    INDArray forward(INDArray input, boolean train);

    /** Samples of the batch whose training-mode forward pass is kept for backward; empty when none is. */
    OptionalInt keptBatchSize();

    /** Gradients for the kept pass, given output gradients {@code [n, flatSize]}; see {@link ConvBlock#backward}. */
    ConvBlock.Gradients backward(INDArray dOut, boolean inputGradient);

    /** Drops what the last forward pass kept. */
    void clearCache();
}
