package io.joulebench.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class IdxReaderTest {
    static RawImages sample(int n) {
        byte[] px = new byte[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 31);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return new RawImages(new ImageShape(1, 28, 28), px, labels);
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
    }

    @Test
    void readsGzipAndRawFilesWrittenByTheWriter() throws IOException {
        RawImages images = sample(7);
        byte[] gzImages = IdxWriter.images(images);
        byte[] gzLabels = IdxWriter.labels(images.labels());
        RawImages fromGzip = IdxReader.read("i.gz", gzImages, "l.gz", gzLabels, 28, 28, 10);
        RawImages fromRaw = IdxReader.read("i", gunzip(gzImages), "l", gunzip(gzLabels), 28, 28, 10);
        for (RawImages read : new RawImages[] {fromGzip, fromRaw}) {
            assertArrayEquals(images.pixels(), read.pixels());
            assertArrayEquals(images.labels(), read.labels());
        }
    }

    @Test
    void wrongMagicNamesTheFileAndTheNumbers() throws IOException {
        byte[] labelsAsImages = IdxWriter.labels(new int[] {1, 2});
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.readImages("train-images.gz", labelsAsImages, 28, 28, new int[1]));
        assertTrue(e.getMessage().contains("train-images.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801") && e.getMessage().contains("0x00000803"), e.getMessage());
    }

    @Test
    void truncatedBodyIsReportedWithWhatWasPromised() throws IOException {
        byte[] raw = gunzip(IdxWriter.images(sample(5)));
        byte[] cut = Arrays.copyOf(raw, raw.length - 100);
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.readImages("imgs", cut, 28, 28, new int[1]));
        assertTrue(e.getMessage().contains("imgs: truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("5 images"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.readLabels("lbls", new byte[] {0, 0, 8}, 10));
        assertTrue(e.getMessage().contains("lbls: truncated") && e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsReported() {
        byte[] gz = IdxWriter.images(sample(50));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.readImages("half.gz", cut, 28, 28, new int[1]));
        assertTrue(e.getMessage().startsWith("half.gz:"), e.getMessage());
    }

    @Test
    void imageAndLabelCountMismatchNamesBothFiles() {
        RawImages images = sample(4);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read("a.gz",
                IdxWriter.images(images), "b.gz", IdxWriter.labels(new int[] {1, 2, 3}), 28, 28, 10));
        assertTrue(e.getMessage().contains("a.gz holds 4 images but b.gz holds 3 labels"), e.getMessage());
    }

    @Test
    void wrongDimensionsAreRefused() {
        ByteBuffer header = ByteBuffer.allocate(16 + 2 * 32 * 32);
        header.putInt(0x803).putInt(2).putInt(32).putInt(32);
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.readImages("cifarish", header.array(), 28, 28, new int[1]));
        assertTrue(e.getMessage().contains("images are 32x32, expected 28x28"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRefused() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.readLabels("l", IdxWriter.labels(new int[] {3, 12}), 10));
        assertTrue(e.getMessage().contains("label 12 at index 1"), e.getMessage());
    }

    @Test
    void writerOutputIsStable() {
        assertArrayEquals(IdxWriter.images(sample(3)), IdxWriter.images(sample(3)));
        assertEquals(Datasets.sha256(IdxWriter.labels(new int[] {1})), Datasets.sha256(IdxWriter.labels(new int[] {1})));
    }

    /** Finding 6: the reader stopped at the header's count, so the gzip CRC was never checked. */
    @Test
    void aFlippedByteInAGzipFileFailsItsCrc() {
        byte[] labels = IdxWriter.labels(new int[3000]);
        // Flip one byte inside the compressed data (not the header, not the trailer).
        byte[] flipped = labels.clone();
        int at = flipped.length / 2;
        boolean caught = false;
        for (int bit = 0; bit < 8 && !caught; bit++) {
            flipped[at] = (byte) (labels[at] ^ (1 << bit));
            try {
                IdxReader.readLabels("l.gz", flipped, 10);
            } catch (DatasetException e) {
                caught = true;
                assertTrue(e.getMessage().startsWith("l.gz: corrupt gzip file"), e.getMessage());
            }
        }
        assertTrue(caught, "some flip of byte " + at + " must be caught");
        byte[] trailerFlip = labels.clone();
        trailerFlip[trailerFlip.length - 6] ^= 1;
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels("l.gz", trailerFlip, 10));
        assertTrue(e.getMessage().contains("CRC-32 mismatch"), e.getMessage());
    }

    @Test
    void aFlippedLabelByteIsCaughtByTheCrcEvenWhenItStillInflates() {
        int[] values = new int[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7) % 10;
        }
        byte[] gz = IdxWriter.labels(values);
        int caught = 0;
        int silentlyWrong = 0;
        for (int at = 12; at < gz.length - 8; at++) {
            byte[] bad = gz.clone();
            bad[at] ^= 0x10;
            try {
                int[] read = IdxReader.readLabels("l.gz", bad, 10);
                if (!Arrays.equals(read, values)) {
                    silentlyWrong++;
                }
            } catch (DatasetException expected) {
                caught++;
            }
        }
        assertEquals(0, silentlyWrong, "labels read wrong without an error");
        assertTrue(caught > 0);
    }

    @Test
    void garbageAfterTheGzipStreamIsRefused() {
        byte[] gz = IdxWriter.labels(new int[] {1, 2, 3});
        byte[] padded = Arrays.copyOf(gz, gz.length + 5);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels("l.gz", padded, 10));
        assertTrue(e.getMessage().contains("5 bytes of garbage after the end of the gzip stream"), e.getMessage());
    }

    /** Finding 5: a header claiming 0x7fffffff labels allocated 2 GiB before reading (out of heap). */
    @Test
    void aHeaderClaimingMoreThanTheFileHoldsIsRefusedBeforeAllocating() {
        ByteBuffer raw = ByteBuffer.allocate(8 + 10).putInt(IdxReader.LABELS_MAGIC).putInt(0x7fffffff);
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.readLabels("lbls", raw.array(), 10));
        assertTrue(e.getMessage().contains("header promises 2147483647 labels"), e.getMessage());
        ByteBuffer images = ByteBuffer.allocate(16 + 784).putInt(IdxReader.IMAGES_MAGIC).putInt(0x7fffffff)
                .putInt(28).putInt(28);
        e = assertThrows(DatasetException.class, () -> IdxReader.readImages("imgs", images.array(), 28, 28,
                new int[1]));
        assertTrue(e.getMessage().contains("imgs: truncated: header promises 2147483647 images"), e.getMessage());
    }

    @Test
    void bytesBeyondWhatTheHeaderDescribesAreRefused() {
        ByteBuffer raw = ByteBuffer.allocate(8 + 4).putInt(IdxReader.LABELS_MAGIC).putInt(2);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readLabels("lbls", raw.array(), 10));
        assertTrue(e.getMessage().contains("2 bytes after the 2 labels"), e.getMessage());
    }
}
