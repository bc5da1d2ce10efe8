/** Backpropagation baselines (the study's "twins") built on Deeplearning4j. */
package io.joulebench.algorithms.bp;
