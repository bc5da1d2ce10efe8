/** NoProp-DT (Li, Teh, Pascanu 2025): per-block denoising of a label embedding, and its backprop twin. */
package io.joulebench.algorithms.noprop;
