package io.joulebench.algorithms.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST-style IDX files (raw or gzip'd): images with magic 0x00000803 and labels with 0x00000801,
 * big-endian sizes. Every way a file can be wrong gives a {@link DatasetException} naming the file.
 */
public final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Reads an image file and checks each image is {@code height x width}. */
    public static byte[] readImages(String fileName, byte[] fileBytes, int height, int width, int[] countOut) {
        try (DataInputStream in = open(fileBytes)) {
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
            byte[] pixels = new byte[Math.multiplyExact(count, rows * cols)];
            readFully(in, pixels, fileName, count + " images of " + rows + "x" + cols);
            countOut[0] = count;
            return pixels;
        } catch (IOException e) {
            throw new DatasetException(fileName + ": cannot read (" + e.getMessage() + "); download it again", e);
        }
    }

    /** Reads a label file and checks every label is below {@code numClasses}. */
    public static int[] readLabels(String fileName, byte[] fileBytes, int numClasses) {
        try (DataInputStream in = open(fileBytes)) {
            int magic = readHeaderInt(in, fileName);
            if (magic != LABELS_MAGIC) {
                throw wrongMagic(fileName, magic, LABELS_MAGIC, "labels");
            }
            int count = readHeaderInt(in, fileName);
            if (count < 0) {
                throw new DatasetException(fileName + ": negative label count " + count + "; the file is corrupt,"
                        + " download it again");
            }
            byte[] raw = new byte[count];
            readFully(in, raw, fileName, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xff;
                if (labels[i] >= numClasses) {
                    throw new DatasetException(fileName + ": label " + labels[i] + " at index " + i
                            + " is not below the " + numClasses + " classes; is this the right dataset's file?");
                }
            }
            return labels;
        } catch (IOException e) {
            throw new DatasetException(fileName + ": cannot read (" + e.getMessage() + "); download it again", e);
        }
    }

    /** Images and labels together, with the counts cross-checked. */
    public static RawImages read(String imagesName, byte[] imagesBytes, String labelsName, byte[] labelsBytes,
                                 int height, int width, int numClasses) {
        int[] count = new int[1];
        byte[] pixels = readImages(imagesName, imagesBytes, height, width, count);
        int[] labels = readLabels(labelsName, labelsBytes, numClasses);
        if (labels.length != count[0]) {
            throw new DatasetException(imagesName + " holds " + count[0] + " images but " + labelsName + " holds "
                    + labels.length + " labels; the two files do not belong together");
        }
        return new RawImages(new ImageShape(1, height, width), pixels, labels);
    }

    private static DataInputStream open(byte[] bytes) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }

    private static int readHeaderInt(DataInputStream in, String fileName) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DatasetException(fileName + ": truncated: the file ends inside its header;"
                    + " download it again");
        }
    }

    private static void readFully(DataInputStream in, byte[] target, String fileName, String what)
            throws IOException {
        int read = 0;
        while (read < target.length) {
            int n = in.read(target, read, target.length - read);
            if (n < 0) {
                throw new DatasetException(fileName + ": truncated: header promises " + what + " (" + target.length
                        + " bytes) but only " + read + " are there; download it again");
            }
            read += n;
        }
    }

    private static DatasetException wrongMagic(String fileName, int magic, int expected, String kind) {
        return new DatasetException(String.format(java.util.Locale.ROOT,
                "%s: wrong magic number 0x%08X, expected 0x%08X for IDX %s; not an IDX %s file (or a"
                        + " corrupted download)", fileName, magic, expected, kind, kind));
    }
}
