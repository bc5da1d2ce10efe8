package io.joulebench.algorithms.local;

import java.util.Arrays;

/**
 * Per-channel count, mean and sum of squared deviations of float32 values, gathered a sample at a time (two passes
 * over the sample while it is in cache) and merged with Chan et al.'s pairwise update, in double: as accurate as
 * two passes over the batch, without a second trip through memory.
 */
final class BatchMoments {
    final double[] mean;
    final double[] squares;
    private final float[] sampleMean;
    private final float[] sampleSquares;
    long count;

    BatchMoments(int channels) {
        mean = new double[channels];
        squares = new double[channels];
        sampleMean = new float[channels];
        sampleSquares = new float[channels];
    }

    /** Adds {@code rows} rows of {@code values} from {@code from}, one column per channel. */
    void add(float[] values, int from, int rows) {
        int c = mean.length;
        Arrays.fill(sampleMean, 0f);
        Arrays.fill(sampleSquares, 0f);
        for (int r = 0, o = from; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, o++) {
                sampleMean[ch] += values[o];
            }
        }
        for (int ch = 0; ch < c; ch++) {
            sampleMean[ch] /= rows;
        }
        for (int r = 0, o = from; r < rows; r++) {
            for (int ch = 0; ch < c; ch++, o++) {
                float d = values[o] - sampleMean[ch];
                sampleSquares[ch] += d * d;
            }
        }
        long merged = count + rows;
        for (int ch = 0; ch < c; ch++) {
            double delta = sampleMean[ch] - mean[ch];
            mean[ch] += delta * rows / merged;
            squares[ch] += sampleSquares[ch] + delta * delta * count * rows / merged;
        }
        count = merged;
    }
}
