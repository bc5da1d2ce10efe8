/**
 * Cascaded-Forward (CaFo) trainers: three convolutional blocks, one linear predictor per block trained one after
 * another on cached block outputs, with the blocks random and frozen ({@code cafo-rand}) or first trained by
 * direct feedback alignment ({@code cafo-dfa}). Hand-written ND4J (im2col + gemm), so that an external error
 * signal can be injected into a block without DL4J internals.
 */
package io.joulebench.algorithms.cafo;
