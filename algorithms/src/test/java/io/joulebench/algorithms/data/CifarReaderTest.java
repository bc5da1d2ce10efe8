package io.joulebench.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CifarReaderTest {
    static byte[] records(int n, int labelBytes, int label) {
        int size = labelBytes + 3072;
        byte[] b = new byte[n * size];
        for (int i = 0; i < n; i++) {
            if (labelBytes == 2) {
                b[i * size] = 3; // coarse label, ignored
            }
            b[i * size + labelBytes - 1] = (byte) label;
            b[i * size + labelBytes] = (byte) (10 + i); // first red pixel
            b[i * size + labelBytes + 1024] = (byte) (20 + i); // first green pixel
        }
        return b;
    }

    @Test
    void readsCifar10Records() {
        RawImages r = CifarReader.read("data_batch_1.bin", records(3, 1, 7), 1, 10, 3);
        assertEquals(3, r.count());
        assertEquals(7, r.labels()[2]);
        assertEquals(12, r.pixels()[2 * 3072]);
        assertEquals(22, r.pixels()[2 * 3072 + 1024]);
    }

    @Test
    void cifar100UsesTheFineLabel() {
        RawImages r = CifarReader.read("train.bin", records(2, 2, 57), 2, 100, -1);
        assertEquals(57, r.labels()[0]);
        assertEquals(11, r.pixels()[3072]);
    }

    @Test
    void truncatedFileIsRefused() {
        byte[] cut = java.util.Arrays.copyOf(records(2, 1, 1), 3073 + 100);
        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read("test_batch.bin", cut, 1,
                10, -1));
        assertTrue(e.getMessage().contains("test_batch.bin: truncated"), e.getMessage());
    }

    @Test
    void wrongRecordCountIsRefused() {
        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read("data_batch_2.bin",
                records(2, 1, 1), 1, 10, 10_000));
        assertTrue(e.getMessage().contains("holds 2 records, expected 10000"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRefused() {
        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read("b.bin",
                records(1, 1, 10), 1, 10, -1));
        assertTrue(e.getMessage().contains("label 10"), e.getMessage());
    }
}
