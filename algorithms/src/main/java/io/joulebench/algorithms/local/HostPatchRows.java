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
 * copies of a zero-bordered copy of the sample. Scratch buffers are reused across calls: one thread at a time.
 */
final class HostPatchRows {
    private final int inChannels;
    private final int inHeight;
    private final int inWidth;

    private float[] patchBuffer;
    private float[] patchGradientBuffer;
    private float[] paddedBuffer;

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

    /** The sample being copied, with a zero border of one pixel: every patch row is three whole runs of it. */
    private float[] padded() {
        if (paddedBuffer == null) {
            paddedBuffer = new float[(inHeight + 2) * (inWidth + 2) * inChannels]; // the border stays zero
        }
        return paddedBuffer;
    }

    /**
     * Writes the patch rows of samples {@code [first, first + count)} of {@code src} (NHWC rows) into {@code cols}
     * from its first row.
     */
    void write(float[] src, int first, int count, INDArray cols) {
        int c = inChannels;
        int run = 3 * c;
        int perSample = perSample();
        int paddedRow = (inWidth + 2) * c;
        FloatBuffer target = cols.data().asNioFloat();
        float[] padded = padded();
        // Each sample is first copied into a buffer with a zero border, so that every kernel row of every patch,
        // at the borders too, is one run of 3 * in values of it, without zero fills or clipping. Runs of 32 values
        // or more go straight into the matrix; shorter ones (the first block's 1 or 3 channels) are gathered in a
        // Java buffer first, as a bulk copy per run would cost more than the run.
        boolean direct = run >= 32;
        float[] rows = null;
        if (!direct) {
            if (patchBuffer == null || patchBuffer.length < perSample) {
                patchBuffer = new float[perSample];
            }
            rows = patchBuffer;
        }
        for (int i = first; i < first + count; i++) {
            int sample = i * inputSize();
            for (int y = 0; y < inHeight; y++) {
                System.arraycopy(src, sample + y * inWidth * c, padded, (y + 1) * paddedRow + c, inWidth * c);
            }
            int base = (i - first) * perSample;
            if (direct) {
                for (int y = 0, d = base; y < inHeight; y++) {
                    for (int x = 0, s = y * paddedRow; x < inWidth; x++, s += c, d += 3 * run) {
                        target.put(d, padded, s, run);
                        target.put(d + run, padded, s + paddedRow, run);
                        target.put(d + 2 * run, padded, s + 2 * paddedRow, run);
                    }
                }
                continue;
            }
            if (c == 1) {
                for (int y = 0, d = 0; y < inHeight; y++) {
                    for (int x = 0, s = y * paddedRow; x < inWidth; x++, s++, d += 9) {
                        int s1 = s + paddedRow;
                        int s2 = s1 + paddedRow;
                        rows[d] = padded[s];
                        rows[d + 1] = padded[s + 1];
                        rows[d + 2] = padded[s + 2];
                        rows[d + 3] = padded[s1];
                        rows[d + 4] = padded[s1 + 1];
                        rows[d + 5] = padded[s1 + 2];
                        rows[d + 6] = padded[s2];
                        rows[d + 7] = padded[s2 + 1];
                        rows[d + 8] = padded[s2 + 2];
                    }
                }
            } else {
                for (int y = 0, d = 0; y < inHeight; y++) {
                    for (int x = 0, s = y * paddedRow; x < inWidth; x++, s += c) {
                        for (int kh = 0; kh < 3; kh++, d += run) {
                            int from = s + kh * paddedRow;
                            for (int k = 0; k < run; k++) {
                                rows[d + k] = padded[from + k];
                            }
                        }
                    }
                }
            }
            target.put(base, rows, 0, perSample);
        }
    }

    /**
     * The adjoint of {@link #rows} (col2im) for {@code n} samples: each patch-row gradient added back onto the input
     * positions it was read from, in the input's layout.
     */
    INDArray adjoint(INDArray dCols, int n) {
        INDArray whole = dCols.isView() || dCols.ordering() != 'c' ? dCols.dup('c') : dCols;
        float[] dst = new float[n * inputSize()];
        writeGradients(whole.data().asNioFloat(), 0, n, dst);
        return Steps.rows(dst, n, inputSize());
    }

    /**
     * Writes into samples {@code [first, first + count)} of {@code dst} (the input's layout) the sums of their
     * patch-row gradients, which {@code source} holds from its start: each input value gets the gradients of the
     * patch positions it was read into. Reads a sample at a time.
     *
     * <p>Gathered per input value rather than scattered per patch row, with the same sums to the bit: each starts
     * from +0 and adds its terms in the order of their patch rows (y, x), the order a scatter over the rows adds
     * them in. The sample's patch rows are laid out with a border of zero rows around them, so that every input
     * value, at the borders too, sums nine terms; the extra terms are +0, which leaves such a sum as it is (a sum
     * from +0 is never -0, the one value that adding +0 changes).
     */
    void writeGradients(FloatBuffer source, int first, int count, float[] dst) {
        int c = inChannels;
        int rowValues = 9 * c;                     // one patch row
        int paddedWidth = inWidth + 2;
        int perSample = perSample();
        int size = (inHeight + 2) * paddedWidth * rowValues;
        if (patchGradientBuffer == null || patchGradientBuffer.length < size) {
            patchGradientBuffer = new float[size]; // the border rows stay zero
        }
        float[] rows = patchGradientBuffer;
        // The input value at (sy, sx) was read into the patch row of pixel (sy - kh + 1, sx - kw + 1) at kernel
        // position (kh, kw): patch rows in (y, x) order are kernel positions in reverse order, (2, 2) first. Offsets
        // from the padded patch row of pixel (sy, sx) itself, that is (sy + 1, sx + 1).
        int[] offset = new int[9];
        for (int j = 0; j < 9; j++) {
            int kh = 2 - j / 3;
            int kw = 2 - j % 3;
            offset[j] = -((kh - 1) * paddedWidth + (kw - 1)) * rowValues + (kh * 3 + kw) * c;
        }
        int o0 = offset[0];
        int o1 = offset[1];
        int o2 = offset[2];
        int o3 = offset[3];
        int o4 = offset[4];
        int o5 = offset[5];
        int o6 = offset[6];
        int o7 = offset[7];
        int o8 = offset[8];
        for (int i = first; i < first + count; i++) {
            int from = (i - first) * perSample;
            for (int y = 0; y < inHeight; y++) {
                source.get(from + y * inWidth * rowValues, rows, ((y + 1) * paddedWidth + 1) * rowValues,
                        inWidth * rowValues);
            }
            int sample = i * inputSize();
            for (int sy = 0; sy < inHeight; sy++) {
                for (int sx = 0; sx < inWidth; sx++) {
                    int to = sample + (sy * inWidth + sx) * c;
                    int p = ((sy + 1) * paddedWidth + sx + 1) * rowValues;
                    for (int ch = 0; ch < c; ch++) {
                        int q = p + ch;
                        dst[to + ch] = 0f + rows[q + o0] + rows[q + o1] + rows[q + o2] + rows[q + o3]
                                + rows[q + o4] + rows[q + o5] + rows[q + o6] + rows[q + o7] + rows[q + o8];
                    }
                }
            }
        }
    }
}
