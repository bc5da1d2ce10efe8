package io.joulebench.algorithms.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Writes gzip'd IDX files; used to make the embedded subset and test fixtures. Output is byte-for-byte stable. */
public final class IdxWriter {
    private IdxWriter() {
    }

    public static byte[] images(RawImages images) {
        return gzip(out -> {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.shape().height());
            out.writeInt(images.shape().width());
            out.write(images.pixels());
        });
    }

    public static byte[] labels(int[] labels) {
        return gzip(out -> {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        });
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] gzip(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // GZIPOutputStream writes a zero modification time, so equal content gives equal bytes.
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
