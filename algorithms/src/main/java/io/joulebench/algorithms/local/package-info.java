/**
 * Building blocks of the hand-written trainers (Mono-Forward, Forward-Forward, CaFo and the local engines of the BP
 * twins): PyTorch-semantics optimisers, seeded initialisation, stopping rules, per-step workspaces, the conv block
 * and the linear head.
 */
package io.joulebench.algorithms.local;
