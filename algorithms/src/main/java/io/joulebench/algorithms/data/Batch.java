package io.joulebench.algorithms.data;

/** One minibatch: {@code size} images (NCHW, flattened per image) and their labels. */
public record Batch(float[] features, int[] labels, int size) {
}
