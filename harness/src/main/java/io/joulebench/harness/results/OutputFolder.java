package io.joulebench.harness.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An output folder, validated and locked before any training or measuring. The lock is a file naming its holder
 * (pid, host, start time) with an OS lock held on it for the life of the run: the OS drops that lock when the
 * holder dies, even by kill -9, so a lock file left behind by a dead run on this host is taken over (and said).
 * A released lock file is empty.
 */
public final class OutputFolder implements AutoCloseable {
    public static final String LOCK_FILE = ".joulebench.lock";
    private static final Duration POLL = Duration.ofMillis(500);

    private final Path dir;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolder(Path dir, Path lockFile, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The holder of a lock, as written in the lock file. */
    public record Holder(long pid, String host, String since) {
        static Holder current() {
            return new Holder(ProcessHandle.current().pid(), hostName(), Instant.now().toString());
        }

        String line() {
            return String.format(Locale.ROOT, "pid=%d host=%s since=%s%n", pid, host, since);
        }

        static Holder parse(String text) {
            long pid = -1;
            String host = "?";
            String since = "?";
            for (String part : text.strip().split("\\s+")) {
                if (part.startsWith("pid=")) {
                    try {
                        pid = Long.parseLong(part.substring(4));
                    } catch (NumberFormatException ignored) {
                        // an unreadable pid stays -1: shown as such
                    }
                } else if (part.startsWith("host=")) {
                    host = part.substring(5);
                } else if (part.startsWith("since=")) {
                    since = part.substring(6);
                }
            }
            return new Holder(pid, host, since);
        }

        @Override
        public String toString() {
            return "pid " + pid + " on " + host + " (since " + since + ")";
        }
    }

    /**
     * Validates and locks {@code dir}, creating it if needed.
     *
     * @param option   the option that named it, for messages (e.g. {@code --out})
     * @param waitLock wait for another run's lock to go instead of refusing
     * @param notices  one line for each thing the user should know (a stale lock taken over, waiting)
     * @throws OutputFolderException one line naming the folder, what is wrong and the fix
     */
    public static OutputFolder open(Path dir, String option, boolean waitLock, Consumer<String> notices)
            throws InterruptedException {
        Objects.requireNonNull(dir, option);
        validateFolder(dir, option);
        Path lockFile = dir.resolve(LOCK_FILE);
        boolean saidWaiting = false;
        while (true) {
            FileChannel ch = openLockFile(dir, lockFile, option);
            FileLock lock = tryLock(ch, lockFile);
            if (lock == null) {
                Holder holder = Holder.parse(read(ch));
                close(ch);
                if (!waitLock) {
                    throw new OutputFolderException(dir + " is in use by another joulebench run: " + holder
                            + "; wait for it, give another " + option + ", or pass --wait-lock");
                }
                if (!saidWaiting) {
                    notices.accept("waiting for " + dir + ": in use by " + holder + " (--wait-lock)");
                    saidWaiting = true;
                }
                Thread.sleep(POLL.toMillis());
                continue;
            }
            try {
                String previous = read(ch);
                if (!previous.isBlank()) {
                    Holder stale = Holder.parse(previous);
                    if (!stale.host().equals(hostName())) {
                        releaseQuietly(lock, ch);
                        throw new OutputFolderException(dir + " is locked by " + stale + ", another machine;"
                                + " if that run is gone, delete " + lockFile + ", else give another " + option);
                    }
                    notices.accept("took over a stale lock on " + dir + ": " + stale + " no longer runs");
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(Holder.current().line().getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(true);
            } catch (IOException e) {
                releaseQuietly(lock, ch);
                throw new OutputFolderException("cannot write the lock file " + lockFile + ": "
                        + DurableJsonl.reason(e) + "; check " + option + " is writable and the disk is not full", e);
            }
            return new OutputFolder(dir, lockFile, ch, lock);
        }
    }

    public Path path() {
        return dir;
    }

    /**
     * Empties the lock file and releases the lock. The file stays: deleting it would let a waiting run lock a
     * file no longer in the folder while a third one creates a new one. Empty means released cleanly.
     */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException ignored) {
            // content left behind is harmless: the next run finds the file unlocked and takes it over
        }
        releaseQuietly(lock, channel);
    }

    /**
     * Checks before anything runs that {@code file} can be written: not empty, not a folder, its folder exists and
     * takes a new file (probed by creating one: permission bits say nothing to root or about read-only mounts).
     */
    public static void checkWritableFile(Path file, String option) {
        if (file.toString().isEmpty()) {
            throw new OutputFolderException(option + " '' is empty; give a file name, e.g. " + option + " out.json");
        }
        if (Files.isDirectory(file)) {
            throw new OutputFolderException(option + " " + file + " is a folder; give a file name inside it");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new OutputFolderException(option + " " + file + ": folder " + parent
                    + " does not exist; create it or choose another path");
        }
        probe(parent, option + " " + file);
    }

    private static void validateFolder(Path dir, String option) {
        if (dir.toString().isEmpty()) {
            throw new OutputFolderException(option + " '' is empty (it would write into the current folder);"
                    + " give a folder, e.g. " + option + " results/run");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OutputFolderException(option + " " + dir + " is a file, not a folder; give a folder"
                    + " (it is created if missing)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputFolderException(option + " " + dir + " cannot be created (" + DurableJsonl.reason(e)
                    + "); choose a writable place", e);
        }
        probe(dir, option + " " + dir);
    }

    private static void probe(Path folder, String what) {
        try {
            Path p = Files.createTempFile(folder, ".joulebench-probe", ".tmp");
            Files.delete(p);
        } catch (IOException e) {
            throw new OutputFolderException(what + " is not writable (" + DurableJsonl.reason(e)
                    + "); choose a writable place", e);
        }
    }

    private static FileChannel openLockFile(Path dir, Path lockFile, String option) {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OutputFolderException(option + " " + dir + ": cannot create the lock file " + LOCK_FILE + " ("
                    + DurableJsonl.reason(e) + "); choose a writable place", e);
        }
    }

    /** The lock, or null when another process (or another run in this JVM) holds it. */
    private static FileLock tryLock(FileChannel ch, Path lockFile) {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        } catch (IOException e) {
            close(ch);
            throw new OutputFolderException("cannot lock " + lockFile + " (" + DurableJsonl.reason(e)
                    + "); the file system may not support locks, choose a local folder", e);
        }
    }

    private static String read(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
            ch.read(buf, 0);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel ch) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(ch);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to save
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown-host" : env;
        }
    }
}
