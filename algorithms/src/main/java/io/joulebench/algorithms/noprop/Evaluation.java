package io.joulebench.algorithms.noprop;

/** Mean cross-entropy of the head on z_T and accuracy over a split, after full inference. */
record Evaluation(double loss, double accuracy) {
}
