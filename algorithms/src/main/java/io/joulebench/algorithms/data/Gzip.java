package io.joulebench.algorithms.data;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a whole gzip file, checking every member's CRC-32 and length (RFC 1952) and refusing bytes after
 * the last member. {@code GZIPInputStream} checks the CRC only when read to the end, and silently ignores
 * trailing garbage; a reader that stops at the count its header promised never sees a flipped byte.
 */
final class Gzip {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private Gzip() {
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /**
     * @param maxBytes refuse to inflate more than this (a header cannot make us allocate without bound)
     * @throws DatasetException naming the file and what is wrong with it
     */
    static byte[] decompress(String fileName, byte[] in, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, Math.min(in.length * 4, 1 << 26)));
        int pos = 0;
        byte[] buf = new byte[1 << 16];
        do {
            pos = skipHeader(fileName, in, pos);
            Inflater inflater = new Inflater(true);
            CRC32 crc = new CRC32();
            long size = 0;
            try {
                inflater.setInput(in, pos, in.length - pos);
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw corrupt(fileName, "the compressed data ends early (truncated)");
                    }
                    crc.update(buf, 0, n);
                    size += n;
                    if (out.size() + (long) n > maxBytes) {
                        throw corrupt(fileName, "it inflates to more than " + maxBytes + " bytes, far more than"
                                + " any dataset file");
                    }
                    out.write(buf, 0, n);
                }
                pos = in.length - inflater.getRemaining();
            } catch (DataFormatException e) {
                throw corrupt(fileName, "the compressed data is damaged (" + e.getMessage() + ")");
            } finally {
                inflater.end();
            }
            if (in.length - pos < 8) {
                throw corrupt(fileName, "the gzip trailer is missing (truncated)");
            }
            if (le32(in, pos) != (int) crc.getValue()) {
                throw corrupt(fileName, "CRC-32 mismatch: the data was altered after compression");
            }
            if (le32(in, pos + 4) != (int) size) {
                throw corrupt(fileName, "its length does not match the gzip trailer");
            }
            pos += 8;
        } while (pos < in.length && isGzipAt(in, pos));
        if (pos < in.length) {
            throw corrupt(fileName, (in.length - pos) + " bytes of garbage after the end of the gzip stream");
        }
        return out.toByteArray();
    }

    private static int skipHeader(String fileName, byte[] in, int pos) {
        if (in.length - pos < 10 || !isGzipAt(in, pos) || (in[pos + 2] & 0xff) != 8) {
            throw corrupt(fileName, "not a gzip (deflate) header");
        }
        int flags = in[pos + 3] & 0xff;
        int p = pos + 10;
        try {
            if ((flags & FEXTRA) != 0) {
                p += 2 + ((in[p] & 0xff) | (in[p + 1] & 0xff) << 8);
            }
            if ((flags & FNAME) != 0) {
                while (in[p++] != 0) {
                    // skip the original file name
                }
            }
            if ((flags & FCOMMENT) != 0) {
                while (in[p++] != 0) {
                    // skip the comment
                }
            }
            if ((flags & FHCRC) != 0) {
                p += 2;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw corrupt(fileName, "the gzip header is cut short");
        }
        if (p > in.length) {
            throw corrupt(fileName, "the gzip header is cut short");
        }
        return p;
    }

    private static boolean isGzipAt(byte[] b, int pos) {
        return b.length - pos >= 2 && (b[pos] & 0xff) == 0x1f && (b[pos + 1] & 0xff) == 0x8b;
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    private static DatasetException corrupt(String fileName, String what) {
        return new DatasetException(fileName + ": corrupt gzip file: " + what + "; download it again");
    }
}
