package io.joulebench.reports;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Builds a folder beside its target and swaps it in with renames, so a crash leaves the old report or the new one,
 * never half of one. Only an empty folder or an earlier report (it has summary.json) is replaced.
 */
final class AtomicFolder {
    static final String MARKER = "summary.json";

    private AtomicFolder() {
    }

    static Path staging(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    }

    static void commit(Path staging, Path target) throws IOException {
        target = target.toAbsolutePath();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target) || !(isEmpty(target) || Files.exists(target.resolve(MARKER)))) {
                deleteTree(staging);
                throw new ReportOutputException(target + " exists and is not an earlier report (no " + MARKER
                        + "); refusing to replace it");
            }
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
            move(staging, target);
            deleteTree(old);
        } else {
            move(staging, target);
        }
    }

    static void writeFile(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
