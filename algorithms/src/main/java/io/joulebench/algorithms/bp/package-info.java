/**
 * Backpropagation baselines (the study's "twins"): on the same hand-written kernels as the backprop-free trainers
 * ({@code engine=local}, the default) or on Deeplearning4j's MultiLayerNetwork ({@code engine=dl4j}).
 */
package io.joulebench.algorithms.bp;
