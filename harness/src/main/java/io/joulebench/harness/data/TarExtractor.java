package io.joulebench.harness.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A small, strict reader for gzip-compressed tar archives (POSIX ustar, GNU long names, pax path records).
 * Only regular files and directories are extracted; every entry must stay inside the target folder; links,
 * devices, absolute paths and {@code ..} escapes are refused with an {@link ArchiveException}.
 */
public final class TarExtractor {

    private static final int BLOCK = 512;
    // Long-name and pax records are tiny; a bigger one is a broken or hostile archive.
    private static final int MAX_META_BYTES = 1 << 20;

    private TarExtractor() {
    }

    /**
     * Extracts {@code archive} into the existing folder {@code into}. On failure, what was already written stays
     * in {@code into}; callers extract into a temporary folder and delete it (see {@link DatasetFetcher}).
     */
    public static void extractTarGz(Path archive, Path into) throws ArchiveException {
        String archiveName = archive.getFileName().toString();
        Path root = into.toAbsolutePath().normalize();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive), 1 << 16),
                1 << 16)) {
            new Reader(archiveName, root, in).run();
        } catch (ZipException e) {
            throw new ArchiveException(archiveName, null, "not a valid gzip file (" + Downloader.describe(e)
                    + "); delete it and fetch again");
        } catch (EOFException e) {
            throw new ArchiveException(archiveName, null, "archive is truncated; delete it and fetch again");
        } catch (IOException e) {
            throw new ArchiveException(archiveName, null, "could not extract into " + into + ": "
                    + Downloader.describe(e) + "; check free disk space and permissions, then run again");
        }
    }

    /** The checks on an entry name; returns the absolute, normalised destination inside {@code root}. */
    static Path safeDestination(String archiveName, Path root, String name) throws ArchiveException {
        if (name.isEmpty()) {
            throw new ArchiveException(archiveName, name, "empty entry name; the archive is corrupt");
        }
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
            throw new ArchiveException(archiveName, name, "entry name contains a NUL or backslash; refusing to"
                    + " extract this archive");
        }
        if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new ArchiveException(archiveName, name, "absolute path in archive; refusing to extract this"
                    + " archive (it is not the official one)");
        }
        Path dest = root.resolve(name).normalize();
        if (!dest.startsWith(root)) {
            throw new ArchiveException(archiveName, name, "path escapes the target folder; refusing to extract"
                    + " this archive (it is not the official one)");
        }
        return dest;
    }

    private static final class Reader {
        private final String archiveName;
        private final Path root;
        private final InputStream in;
        private final byte[] header = new byte[BLOCK];
        private String pendingName; // from a GNU 'L' entry or a pax 'path' record, for the next entry

        Reader(String archiveName, Path root, InputStream in) {
            this.archiveName = archiveName;
            this.root = root;
            this.in = in;
        }

        void run() throws IOException, ArchiveException {
            while (true) {
                int n = in.readNBytes(header, 0, BLOCK);
                if (n == 0) {
                    return; // EOF without end-of-archive blocks: tolerated, as GNU tar does
                }
                if (n < BLOCK) {
                    throw new EOFException();
                }
                if (isZero(header)) {
                    return; // end-of-archive marker
                }
                entry();
            }
        }

        private void entry() throws IOException, ArchiveException {
            checkChecksum();
            char type = (char) (header[156] & 0xff);
            long size = parseSize();
            String name = pendingName != null ? pendingName : headerName();
            pendingName = null;
            switch (type) {
                case 'L' -> pendingName = readMeta(size, name, "long name");
                case 'x' -> {
                    String path = paxPath(readMeta(size, name, "pax header"));
                    if (path != null) {
                        pendingName = path;
                    }
                }
                case 'g', 'K' -> skip(size); // global pax header, long link name (its link entry is refused)
                case '1' -> throw refuse(name, "hard link");
                case '2' -> throw refuse(name, "symbolic link");
                case '3', '4', '6' -> throw refuse(name, "device or FIFO");
                case '5' -> {
                    Files.createDirectories(safeDestination(archiveName, root, name));
                    skip(size);
                }
                case '0', '\0', '7' -> regularFile(name, size);
                default -> throw new ArchiveException(archiveName, name, "unsupported entry type '" + type
                        + "'; refusing to extract this archive");
            }
        }

        private ArchiveException refuse(String name, String what) {
            return new ArchiveException(archiveName, name, what + " in archive; links and special files are"
                    + " refused (the official archive has none)");
        }

        private void regularFile(String name, long size) throws IOException, ArchiveException {
            Path dest = safeDestination(archiveName, root, name);
            if (dest.equals(root)) {
                throw new ArchiveException(archiveName, name, "a file entry names the target folder itself");
            }
            Files.createDirectories(dest.getParent());
            try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                byte[] buffer = new byte[1 << 16];
                long left = size;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new EOFException();
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
            skipFully(padding(size));
        }

        private String readMeta(long size, String name, String what) throws IOException, ArchiveException {
            if (size > MAX_META_BYTES) {
                throw new ArchiveException(archiveName, name, what + " of " + size + " bytes is implausible;"
                        + " the archive is corrupt");
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new EOFException();
            }
            skipFully(padding(size));
            return new String(data, 0, cstrLength(data, 0, data.length), StandardCharsets.UTF_8);
        }

        private void skip(long size) throws IOException {
            skipFully(size + padding(size));
        }

        private void skipFully(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String headerName() {
            String name = field(0, 100);
            // POSIX ustar ("ustar\0") keeps a path prefix at 345; GNU ("ustar  ") uses that area for other fields.
            boolean posix = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                    && header[261] == 'r' && header[262] == 0;
            String prefix = posix ? field(345, 155) : "";
            return prefix.isEmpty() ? name : prefix + "/" + name;
        }

        private String field(int offset, int length) {
            return new String(header, offset, cstrLength(header, offset, length), StandardCharsets.UTF_8);
        }

        private long parseSize() throws ArchiveException {
            if ((header[124] & 0x80) != 0) {
                // GNU base-256 for sizes beyond 8 GiB; far beyond anything this tool fetches.
                throw new ArchiveException(archiveName, headerName(), "entry larger than 8 GiB is not supported");
            }
            return parseOctal(124, 12, "size");
        }

        private void checkChecksum() throws ArchiveException {
            long stored = parseOctal(148, 8, "checksum");
            long unsigned = 0;
            long signed = 0;
            for (int i = 0; i < BLOCK; i++) {
                int b = (i >= 148 && i < 156) ? ' ' : header[i];
                unsigned += b & 0xff;
                signed += (byte) b;
            }
            // Some old tars summed signed bytes; accept either, like GNU tar.
            if (stored != unsigned && stored != signed) {
                throw new ArchiveException(archiveName, headerName(), "header checksum mismatch; the archive is"
                        + " corrupt: delete it and fetch again");
            }
        }

        private long parseOctal(int offset, int length, String what) throws ArchiveException {
            String s = new String(header, offset, length, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
            if (s.isEmpty()) {
                return 0;
            }
            try {
                long v = Long.parseLong(s, 8);
                if (v < 0) {
                    throw new NumberFormatException(s);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new ArchiveException(archiveName, field(0, 100), "unreadable " + what + " field '" + s
                        + "'; this is not a tar archive or it is corrupt");
            }
        }

        /** The {@code path} value of a pax extended header ("LEN key=value\n" records), or null. */
        private String paxPath(String records) throws ArchiveException {
            String path = null;
            int pos = 0;
            byte[] bytes = records.getBytes(StandardCharsets.UTF_8);
            while (pos < bytes.length) {
                int space = indexOf(bytes, (byte) ' ', pos);
                int len;
                try {
                    len = space < 0 ? -1 : Integer.parseInt(new String(bytes, pos, space - pos,
                            StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    len = -1;
                }
                if (len <= 0 || pos + len > bytes.length || bytes[pos + len - 1] != '\n') {
                    throw new ArchiveException(archiveName, null, "malformed pax header; the archive is corrupt");
                }
                String record = new String(bytes, space + 1, pos + len - 1 - (space + 1), StandardCharsets.UTF_8);
                int eq = record.indexOf('=');
                if (eq > 0 && record.substring(0, eq).equals("path")) {
                    path = record.substring(eq + 1);
                }
                pos += len;
            }
            return path;
        }

        private static int indexOf(byte[] a, byte b, int from) {
            for (int i = from; i < a.length; i++) {
                if (a[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        private static long padding(long size) {
            long rem = size % BLOCK;
            return rem == 0 ? 0 : BLOCK - rem;
        }

        private static int cstrLength(byte[] a, int offset, int length) {
            for (int i = 0; i < length; i++) {
                if (a[offset + i] == 0) {
                    return i;
                }
            }
            return length;
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
