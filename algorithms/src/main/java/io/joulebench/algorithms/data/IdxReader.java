package io.joulebench.algorithms.data;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * Reads MNIST-style IDX files (raw or gzip'd): images with magic 0x00000803 and labels with 0x00000801,
 * big-endian sizes. A gzip'd file is inflated whole first, so its CRC is checked; the counts in the header are
 * checked against the bytes really there before anything is allocated. Every way a file can be wrong gives a
 * {@link DatasetException} naming the file.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** No IDX file of any supported dataset comes near this (MNIST's largest inflates to 47 MB). */
    static final long MAX_INFLATED_BYTES = 1L << 30;

    private IdxReader() {
    }

    /** Reads an image file and checks each image is {@code height x width}. */
    public static byte[] readImages(String fileName, byte[] fileBytes, int height, int width, int[] countOut) {
        ByteBuffer in = imageBody(fileName, fileBytes, height, width, countOut);
        byte[] pixels = new byte[in.remaining()];
        in.get(pixels);
        return pixels;
    }

    /**
     * The images of a file and their labels, left in place in the inflated bytes (no copy of the pixels): what
     * {@link #read} returns, for normalising straight from it.
     */
    static PixelRows readRows(String imagesName, byte[] imagesBytes, String labelsName, byte[] labelsBytes,
                              int height, int width, int numClasses) {
        int[] count = new int[1];
        ByteBuffer body = imageBody(imagesName, imagesBytes, height, width, count);
        int[] labels = readLabels(labelsName, labelsBytes, numClasses);
        checkCounts(imagesName, count[0], labelsName, labels.length);
        return new PixelRows(new ImageShape(1, height, width), List.of(body.array()), count,
                body.arrayOffset() + body.position(), height * width, labels);
    }

    /** The file's image bytes after a checked header, positioned at the first pixel. */
    private static ByteBuffer imageBody(String fileName, byte[] fileBytes, int height, int width, int[] countOut) {
        ByteBuffer in = open(fileName, fileBytes);
        int magic = readHeaderInt(in, fileName);
        if (magic != IMAGES_MAGIC) {
            throw wrongMagic(fileName, magic, IMAGES_MAGIC, "images");
        }
        int count = readHeaderInt(in, fileName);
        int rows = readHeaderInt(in, fileName);
        int cols = readHeaderInt(in, fileName);
        if (count < 0) {
            throw new DatasetException(fileName + ": negative image count " + count + "; the file is corrupt,"
                    + " download it again");
        }
        if (rows != height || cols != width) {
            throw new DatasetException(fileName + ": images are " + rows + "x" + cols + ", expected " + height
                    + "x" + width + "; is this the right dataset's file?");
        }
        checkBodySize(in, (long) count * rows * cols, fileName, count + " images of " + rows + "x" + cols);
        countOut[0] = count;
        return in;
    }

    /** Reads a label file and checks every label is below {@code numClasses}. */
    public static int[] readLabels(String fileName, byte[] fileBytes, int numClasses) {
        ByteBuffer in = open(fileName, fileBytes);
        int magic = readHeaderInt(in, fileName);
        if (magic != LABELS_MAGIC) {
            throw wrongMagic(fileName, magic, LABELS_MAGIC, "labels");
        }
        int count = readHeaderInt(in, fileName);
        if (count < 0) {
            throw new DatasetException(fileName + ": negative label count " + count + "; the file is corrupt,"
                    + " download it again");
        }
        checkBodySize(in, count, fileName, count + " labels");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = in.get() & 0xff;
            if (labels[i] >= numClasses) {
                throw new DatasetException(fileName + ": label " + labels[i] + " at index " + i
                        + " is not below the " + numClasses + " classes; is this the right dataset's file?");
            }
        }
        return labels;
    }

    /** Images and labels together, with the counts cross-checked. */
    public static RawImages read(String imagesName, byte[] imagesBytes, String labelsName, byte[] labelsBytes,
                                 int height, int width, int numClasses) {
        int[] count = new int[1];
        byte[] pixels = readImages(imagesName, imagesBytes, height, width, count);
        int[] labels = readLabels(labelsName, labelsBytes, numClasses);
        checkCounts(imagesName, count[0], labelsName, labels.length);
        return new RawImages(new ImageShape(1, height, width), pixels, labels);
    }

    private static void checkCounts(String imagesName, int images, String labelsName, int labels) {
        if (labels != images) {
            throw new DatasetException(imagesName + " holds " + images + " images but " + labelsName + " holds "
                    + labels + " labels; the two files do not belong together");
        }
    }

    private static ByteBuffer open(String fileName, byte[] bytes) {
        return ByteBuffer.wrap(Gzip.isGzip(bytes) ? Gzip.decompress(fileName, bytes, MAX_INFLATED_BYTES) : bytes);
    }

    private static int readHeaderInt(ByteBuffer in, String fileName) {
        if (in.remaining() < 4) {
            throw new DatasetException(fileName + ": truncated: the file ends inside its header;"
                    + " download it again");
        }
        return in.getInt();
    }

    /** The header's promise against the bytes really there, before anything that size is allocated. */
    private static void checkBodySize(ByteBuffer in, long promised, String fileName, String what) {
        if (promised > in.remaining()) {
            throw new DatasetException(fileName + ": truncated: header promises " + what + " (" + promised
                    + " bytes) but only " + in.remaining() + " are there; download it again");
        }
        if (promised < in.remaining()) {
            throw new DatasetException(fileName + ": " + (in.remaining() - promised) + " bytes after the " + what
                    + " its header describes; the file is corrupt or not an IDX file, download it again");
        }
    }

    private static DatasetException wrongMagic(String fileName, int magic, int expected, String kind) {
        return new DatasetException(String.format(Locale.ROOT,
                "%s: wrong magic number 0x%08X, expected 0x%08X for IDX %s; not an IDX %s file (or a"
                        + " corrupted download)", fileName, magic, expected, kind, kind));
    }
}
