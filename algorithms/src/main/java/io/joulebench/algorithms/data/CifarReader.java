package io.joulebench.algorithms.data;

/**
 * Reads CIFAR binary files: CIFAR-10 records are 1 label byte + 3072 pixel bytes; CIFAR-100 records are a coarse
 * and a fine label byte + 3072 pixel bytes (the fine label is used).
 */
public final class CifarReader {
    public static final ImageShape SHAPE = new ImageShape(3, 32, 32);

    private CifarReader() {
    }

    /**
     * @param labelBytes 1 for CIFAR-10, 2 for CIFAR-100
     * @param expectedRecords the record count the official file holds, or -1 to accept any whole number
     */
    public static RawImages read(String fileName, byte[] bytes, int labelBytes, int numClasses, int expectedRecords) {
        int[] labels = labels(fileName, bytes, labelBytes, numClasses, expectedRecords);
        int recordSize = labelBytes + SHAPE.size();
        byte[] pixels = new byte[labels.length * SHAPE.size()];
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(bytes, i * recordSize + labelBytes, pixels, i * SHAPE.size(), SHAPE.size());
        }
        return new RawImages(SHAPE, pixels, labels);
    }

    /**
     * Checks a file as {@link #read} does and returns the (fine) label of every record; the pixels of record i
     * are the {@link ImageShape#size()} bytes at {@code i * (labelBytes + 3072) + labelBytes}.
     */
    static int[] labels(String fileName, byte[] bytes, int labelBytes, int numClasses, int expectedRecords) {
        int recordSize = labelBytes + SHAPE.size();
        if (bytes.length % recordSize != 0) {
            throw new DatasetException(fileName + ": truncated or wrong format: " + bytes.length + " bytes is not a"
                    + " whole number of " + recordSize + "-byte records; download it again");
        }
        int n = bytes.length / recordSize;
        if (expectedRecords >= 0 && n != expectedRecords) {
            throw new DatasetException(fileName + ": holds " + n + " records, expected " + expectedRecords
                    + "; the file is truncated or not the official one, download it again");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = bytes[i * recordSize + labelBytes - 1] & 0xff;
            if (label >= numClasses) {
                throw new DatasetException(fileName + ": label " + label + " in record " + i + " is not below the "
                        + numClasses + " classes; is this the right dataset's file?");
            }
            labels[i] = label;
        }
        return labels;
    }
}
