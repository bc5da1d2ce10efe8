package io.joulebench.algorithms.data;

import java.util.Arrays;
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
        // Inflated straight into an array of the size the last trailer states (exact for the usual one-member
        // file), so a 47 MB image file costs 47 MB, not a growing buffer and a copy of it.
        byte[] out = new byte[initialSize(in, maxBytes)];
        int total = 0;
        int pos = 0;
        do {
            pos = skipHeader(fileName, in, pos);
            Inflater inflater = new Inflater(true);
            CRC32 crc = new CRC32();
            long size = 0;
            try {
                inflater.setInput(in, pos, in.length - pos);
                while (!inflater.finished()) {
                    if (total == out.length) {
                        if (total >= maxBytes) {
                            // Full at the limit and more to come (or the end not yet seen): one byte more decides.
                            byte[] probe = new byte[1];
                            if (inflater.inflate(probe) > 0) {
                                throw tooLarge(fileName, maxBytes);
                            }
                            if (inflater.finished()) {
                                break;
                            }
                            if (inflater.needsInput() || inflater.needsDictionary()) {
                                throw corrupt(fileName, "the compressed data ends early (truncated)");
                            }
                            continue;
                        }
                        out = Arrays.copyOf(out, (int) Math.min(maxBytes, Math.max(64, total + (long) total / 2)));
                    }
                    int n = inflater.inflate(out, total, out.length - total);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw corrupt(fileName, "the compressed data ends early (truncated)");
                    }
                    crc.update(out, total, n);
                    size += n;
                    total += n;
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
        return total == out.length ? out : Arrays.copyOf(out, total);
    }

    /** Deflate inflates at most about 1032 times; a trailer claiming more is not believed. */
    private static final long MAX_RATIO = 1032;

    /**
     * The inflated size the file's last 4 bytes (ISIZE, the size modulo 2^32 of the last member) state, when
     * that is plausible; otherwise a guess from the compressed size. Never more than {@code maxBytes}.
     */
    static int initialSize(byte[] in, long maxBytes) {
        long limit = Math.min(maxBytes, Integer.MAX_VALUE - 16);
        long guess = Math.min(limit, Math.max(64, Math.min(in.length * 4L, 1 << 26)));
        if (in.length < 18) {
            return (int) guess;
        }
        long stated = le32(in, in.length - 4) & 0xffffffffL;
        return stated > 0 && stated <= limit && stated <= in.length * MAX_RATIO ? (int) stated : (int) guess;
    }

    private static DatasetException tooLarge(String fileName, long maxBytes) {
        return corrupt(fileName, "it inflates to more than " + maxBytes + " bytes, far more than any dataset file");
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
