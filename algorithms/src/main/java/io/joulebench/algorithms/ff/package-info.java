/** Forward-Forward (Hinton 2022) as the study ran it: the loeweX formulation with peer normalisation. */
package io.joulebench.algorithms.ff;
