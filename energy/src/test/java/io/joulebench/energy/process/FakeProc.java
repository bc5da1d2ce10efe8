package io.joulebench.energy.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** A fake /proc: the aggregate cpu line of /proc/stat and PID/stat files with the fields attribution reads. */
public final class FakeProc {
    private final Path root;

    public FakeProc(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** /proc/stat with busy and idle ticks (user carries the busy time, idle the rest). */
    public FakeProc machine(long busy, long idle) {
        write(root.resolve("stat"), String.format(Locale.ROOT, "cpu  %d 0 0 %d 0 0 0 0 0 0%ncpu0 %d 0 0 %d 0 0 0 0 0 0%n"
                + "intr 1 2 3%n", busy, idle, busy, idle));
        return this;
    }

    /** /proc/PID/stat; the command name has a space and a parenthesis, as real ones may. */
    public FakeProc process(long pid, long ppid, long utime, long stime, long cutime, long cstime) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d (a (b) c) S %d %d %d 0 -1 4194560 1 0 0 0 "
                + "%d %d %d %d 20 0 1 0 100", pid, ppid, pid, pid, utime, stime, cutime, cstime));
        s.append(" 0".repeat(30)).append('\n');
        write(root.resolve(Long.toString(pid)).resolve("stat"), s.toString());
        return this;
    }

    /** The process is gone (exited and reaped). */
    public FakeProc gone(long pid) {
        try (Stream<Path> files = Files.walk(root.resolve(Long.toString(pid)))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static void write(Path f, String s) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
