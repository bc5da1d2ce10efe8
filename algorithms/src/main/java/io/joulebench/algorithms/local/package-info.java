/**
 * Building blocks of the hand-written ND4J trainers for local-learning algorithms (Mono-Forward, Forward-Forward):
 * PyTorch-semantics optimisers on INDArrays, seeded initialisation, stopping rules, per-step workspaces.
 */
package io.joulebench.algorithms.local;
