package io.joulebench.harness.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A JSON-lines file written so that a crash can only lose the line in flight. Before the first append, a cut
 * last line (no trailing newline, or not parsable) is moved aside into {@code FILE.corrupt} and the file is
 * truncated to its last complete line, so a new line is never glued onto half an old one. Every append is one
 * whole line in one write, forced to disk before it returns.
 */
public final class DurableJsonl {
    private final Path file;
    private final Predicate<String> parsable;
    private final Consumer<String> notices;
    private boolean repaired;

    /**
     * @param parsable whether a complete line is a valid record (decides whether the last line is kept)
     * @param notices  receives one line whenever something is moved aside, for the user
     */
    public DurableJsonl(Path file, Predicate<String> parsable, Consumer<String> notices) {
        this.file = file;
        this.parsable = parsable;
        this.notices = notices;
    }

    public Path file() {
        return file;
    }

    public Path corruptFile() {
        return file.resolveSibling(file.getFileName() + ".corrupt");
    }

    /** Appends one line (which must not contain a newline), forced to disk. */
    public synchronized void append(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a JSON line must not contain a line break");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            repairOnce();
            writeForced(file, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ResultsIoException("cannot write " + file + ": " + reason(e)
                    + "; check the folder is writable and the disk is not full", e);
        }
    }

    /** Every complete line, in order (a cut last line is left out: it was never a finished record). */
    public synchronized List<String> readLines() {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ResultsIoException("cannot read " + file + ": " + reason(e) + "; check its permissions", e);
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }

    /**
     * Moves a cut or unparsable last line aside and truncates the file to its last complete good line. Runs once
     * per instance, before the first append; safe to call directly (e.g. when a folder is opened).
     */
    public synchronized void repairOnce() throws IOException {
        if (repaired || !Files.exists(file)) {
            repaired = true;
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = lastGoodEnd(ch, size);
            if (keep < size) {
                ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size - keep, Integer.MAX_VALUE - 8));
                ch.read(tail, keep);
                byte[] cut = new byte[tail.position()];
                tail.flip().get(cut);
                // The cut bytes are kept (and forced) before they are removed from the file.
                byte[] saved = cut.length > 0 && cut[cut.length - 1] == '\n' ? cut : concat(cut, new byte[] {'\n'});
                writeForced(corruptFile(), saved, StandardOpenOption.APPEND);
                ch.truncate(keep);
                ch.force(true);
                notices.accept(String.format(java.util.Locale.ROOT,
                        "%s: its last line was cut or unreadable (%d bytes, a crash or full disk mid-write);"
                                + " moved it to %s and continued from the last complete line", file,
                        cut.length, corruptFile().getFileName()));
            }
        }
        repaired = true;
    }

    /** Where the last complete line ending in a newline, and parsable, ends. */
    private long lastGoodEnd(FileChannel ch, long size) throws IOException {
        if (size == 0) {
            return 0;
        }
        long lineEnd = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        one.clear();
        ch.read(one, size - 1);
        boolean endsWithNewline = one.get(0) == '\n';
        long scanFrom = endsWithNewline ? size - 2 : size - 1;
        long lineStart = 0;
        for (long p = scanFrom; p >= 0; p--) {
            one.clear();
            ch.read(one, p);
            if (one.get(0) == '\n') {
                lineStart = p + 1;
                break;
            }
        }
        if (!endsWithNewline) {
            return lineStart;
        }
        ByteBuffer last = ByteBuffer.allocate((int) (lineEnd - 1 - lineStart));
        ch.read(last, lineStart);
        String text = new String(last.array(), 0, last.position(), StandardCharsets.UTF_8);
        return text.isBlank() || parsable.test(text) ? size : lineStart;
    }

    /**
     * Writes a sidecar (e.g. a power trace) atomically: a temporary file in the same folder, forced, then renamed
     * over the target, so a reader sees the old file or the whole new one, never half of one.
     */
    public static void writeAtomically(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            writeForced(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            throw new ResultsIoException("cannot write " + target + ": " + reason(e)
                    + "; check the folder is writable and the disk is not full", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the failure above is what the user needs to see
                }
            }
        }
    }

    private static void writeForced(Path path, byte[] bytes, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Makes a rename durable; not every file system lets a folder be opened, which is then no worse than before. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
