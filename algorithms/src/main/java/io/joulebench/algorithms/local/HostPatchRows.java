package io.joulebench.algorithms.local;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * im2col and col2im on the host for a 3x3 convolution (stride 1, zero padding 1) of NHWC float32 input: the patch
 * rows the gemms read, rows (n, y, x) and columns (kh, kw, in), the order of a conv weight row. With channels last,
 * each kernel row of a patch is one contiguous run of the input (three pixels of all channels), so a patch is three
 * copies plus zeros at the borders. Scratch buffers are reused across calls: one thread at a time.
 */
final class HostPatchRows {
    private final int inChannels;
    private final int inHeight;
    private final int inWidth;

    private float[] patchBuffer;
    private float[] patchGradientBuffer;

    HostPatchRows(int inChannels, int inHeight, int inWidth) {
        this.inChannels = inChannels;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
    }

    private int inputSize() {
        return inHeight * inWidth * inChannels;
    }

    /** Patch values per sample: one row of 9 * in per pixel. */
    private int perSample() {
        return inHeight * inWidth * 9 * inChannels;
    }

    /** The patch rows of the whole input {@code [n, inputSize]}, as {@link #write} lays them out. */
    INDArray rows(INDArray input) {
        int n = (int) input.size(0);
        float[] src = Steps.hostFloats(input);
        INDArray cols = Nd4j.createUninitialized(DataType.FLOAT, (long) n * inHeight * inWidth, 9L * inChannels);
        write(src, 0, n, cols);
        return cols;
    }

    /**
     * Writes the patch rows of samples {@code [first, first + count)} of {@code src} (NHWC rows) into {@code cols}
     * from its first row.
     */
    void write(float[] src, int first, int count, INDArray cols) {
        int c = inChannels;
        int perSample = perSample();
        FloatBuffer target = cols.data().asNioFloat();
        // Runs of 32 values or more go straight into the matrix; shorter ones (the first block's 1 or 3 channels)
        // are gathered in a Java buffer first, as a bulk copy per run would cost more than the run.
        boolean direct = 3 * c >= 32;
        float[] rows = null;
        if (!direct) {
            if (patchBuffer == null || patchBuffer.length < perSample) {
                patchBuffer = new float[perSample];
            }
            rows = patchBuffer;
        }
        float[] zeros = direct ? new float[3 * c] : null;
        for (int i = first; i < first + count; i++) {
            int sample = i * inputSize();
            int base = (i - first) * perSample;
            int d = 0;
            for (int y = 0; y < inHeight; y++) {
                for (int x = 0; x < inWidth; x++) {
                    for (int sy = y - 1; sy <= y + 1; sy++, d += 3 * c) {
                        // Pixels x-1..x+1 of source row sy, clipped to the image; the clipped ones are zero (a
                        // row outside the image: no pixels, all zeros).
                        boolean outside = sy < 0 || sy >= inHeight;
                        int left = outside ? x + 2 : Math.max(x - 1, 0);
                        int right = Math.min(x + 1, inWidth - 1);
                        int to = d + (left - (x - 1)) * c;
                        int from = outside ? 0 : sample + (sy * inWidth + left) * c;
                        int length = outside ? 0 : (right - left + 1) * c;
                        int zerosBefore = to - d;
                        int zerosAfter = 3 * c - zerosBefore - length;
                        if (direct) {
                            target.put(base + d, zeros, 0, zerosBefore);
                            target.put(base + to, src, from, length);
                            target.put(base + to + length, zeros, 0, zerosAfter);
                            continue;
                        }
                        Arrays.fill(rows, d, to, 0f);
                        for (int k = 0; k < length; k++) {
                            rows[to + k] = src[from + k];
                        }
                        Arrays.fill(rows, to + length, d + 3 * c, 0f);
                    }
                }
            }
            if (!direct) {
                target.put(base, rows, 0, perSample);
            }
        }
    }

    /**
     * The adjoint of {@link #rows} (col2im) for {@code n} samples: each patch-row gradient added back onto the input
     * positions it was read from, in the input's layout.
     */
    INDArray adjoint(INDArray dCols, int n) {
        INDArray whole = dCols.isView() || dCols.ordering() != 'c' ? dCols.dup('c') : dCols;
        float[] dst = new float[n * inputSize()];
        addGradients(whole.data().asNioFloat(), 0, n, dst);
        return Steps.rows(dst, n, inputSize());
    }

    /**
     * Adds the patch-row gradients of samples {@code [first, first + count)}, which {@code source} holds from its
     * start, onto those samples' rows of {@code dst} (the input's layout). Reads a sample at a time.
     */
    void addGradients(FloatBuffer source, int first, int count, float[] dst) {
        int c = inChannels;
        int perSample = perSample();
        if (patchGradientBuffer == null || patchGradientBuffer.length < perSample) {
            patchGradientBuffer = new float[perSample];
        }
        float[] rows = patchGradientBuffer;
        for (int i = first; i < first + count; i++) {
            source.get((i - first) * perSample, rows, 0, perSample);
            int sample = i * inputSize();
            int s = 0;
            for (int y = 0; y < inHeight; y++) {
                for (int x = 0; x < inWidth; x++) {
                    for (int sy = y - 1; sy <= y + 1; sy++, s += 3 * c) {
                        if (sy < 0 || sy >= inHeight) {
                            continue;
                        }
                        int left = Math.max(x - 1, 0);
                        int right = Math.min(x + 1, inWidth - 1);
                        int from = s + (left - (x - 1)) * c;
                        int to = sample + (sy * inWidth + left) * c;
                        for (int k = 0, length = (right - left + 1) * c; k < length; k++) {
                            dst[to + k] += rows[from + k];
                        }
                    }
                }
            }
        }
    }
}
