package io.joulebench.harness.results;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A 64 KiB tmpfs to fill up (or a read-only one), mounted only when the tests run as root on Linux; skipped by assumption otherwise. */
final class SmallDisk implements AutoCloseable {
    private final Path path;

    private SmallDisk(Path path) {
        this.path = path;
    }

    static SmallDisk mount(Path dir) throws IOException, InterruptedException {
        return mount(dir, "size=64k");
    }

    /** A read-only tmpfs: writing fails for root too (permission bits do not stop root). */
    static SmallDisk mountReadOnly(Path dir) throws IOException, InterruptedException {
        return mount(dir, "size=64k,ro");
    }

    private static SmallDisk mount(Path dir, String options) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            System.err.println("SmallDisk: skipped, mounting a tmpfs needs root (user " + System.getProperty("user.name")
                    + ")");
        }
        assumeTrue(root, "a full-disk test needs root to mount a small tmpfs");
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean mounted = p.waitFor() == 0;
        if (!mounted) {
            System.err.println("SmallDisk: skipped, mount failed: " + out.strip());
        }
        assumeTrue(mounted, "cannot mount a tmpfs here: " + out.strip());
        return new SmallDisk(dir);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("umount", path.toString()).inheritIO().start().waitFor();
    }
}
