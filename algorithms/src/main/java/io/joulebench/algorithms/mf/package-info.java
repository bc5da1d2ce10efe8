/** Mono-Forward (Gong, Li, Abdulla 2025): per-layer projection matrices trained on local cross-entropy. */
package io.joulebench.algorithms.mf;
