/**
 * Statistics over plain double arrays: per-arm summaries, ratio-of-means and accuracy-difference comparisons with
 * intervals and verdicts, and Holm's adjustment for several arms against one baseline (spec/experiments.md).
 *
 * <p>Inputs never contain NaN or infinities (a missing reading is left out, not passed as NaN): every entry point
 * refuses them with an {@link java.lang.IllegalArgumentException}. Quantiles are Hyndman and Fan's type 7 (linear
 * interpolation; R's and NumPy's default) throughout. An interval that cannot be given is {@code null} beside a
 * reason field; nothing here prints, logs or reads trial records.
 */
package io.joulebench.harness.stats;
