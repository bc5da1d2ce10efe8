package io.joulebench.harness.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small ustar/GNU tar.gz archives byte by byte, including hostile ones. */
final class TarBuilder {

    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    TarBuilder dir(String name) {
        return entry(name, '5', new byte[0], "");
    }

    TarBuilder file(String name, byte[] content) {
        return entry(name, '0', content, "");
    }

    TarBuilder file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TarBuilder symlink(String name, String target) {
        return entry(name, '2', new byte[0], target);
    }

    TarBuilder hardlink(String name, String target) {
        return entry(name, '1', new byte[0], target);
    }

    /** A GNU long-name entry ('L') followed by a regular file whose header name is truncated. */
    TarBuilder gnuLongNameFile(String longName, String content) {
        byte[] nameBytes = (longName + "\0").getBytes(StandardCharsets.UTF_8);
        entry("././@LongLink", 'L', nameBytes, "");
        return file(longName.substring(0, 99), content);
    }

    /** A pax extended header ('x') with a path record followed by a regular file. */
    TarBuilder paxPathFile(String path, String content) {
        String rec = " path=" + path + "\n";
        int len = rec.length() + 2;
        while (String.valueOf(len).length() + rec.length() != len) {
            len++;
        }
        entry("PaxHeaders/x", 'x', (len + rec).getBytes(StandardCharsets.UTF_8), "");
        return file("placeholder", content);
    }

    TarBuilder entry(String name, char type, byte[] content, String linkName) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, "0000644");
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", content.length));
        put(h, 136, 12, String.format("%011o", 1_234_567_890L));
        h[156] = (byte) type;
        put(h, 157, 100, linkName);
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, String.format("%06o", sum) + "\0 ");
        tar.writeBytes(h);
        tar.writeBytes(content);
        int pad = (512 - content.length % 512) % 512;
        tar.writeBytes(new byte[pad]);
        return this;
    }

    byte[] tarGz() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(tar.toByteArray());
            gz.write(new byte[1024]); // end-of-archive: two zero blocks
        }
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        Files.write(file, tarGz());
        return file;
    }

    private static void put(byte[] h, int offset, int length, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        if (b.length > length) {
            throw new IllegalArgumentException("field too long: " + value);
        }
        System.arraycopy(b, 0, h, offset, b.length);
    }
}
