package io.joulebench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings 8 and 9: the output folder is validated and locked before anything runs. */
class OutputFolderTest {
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @Test
    void aRegularFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "x");
        OutputFolderException e = assertThrows(OutputFolderException.class,
                () -> OutputFolder.open(file, "--out", false, notices::add));
        assertEquals("--out " + file + " is a file, not a folder; give a folder (it is created if missing)",
                e.getMessage());
    }

    @Test
    void anEmptyPathIsRefusedRatherThanWritingIntoTheCurrentFolder() {
        OutputFolderException e = assertThrows(OutputFolderException.class,
                () -> OutputFolder.open(Path.of(""), "--out", false, notices::add));
        assertTrue(e.getMessage().startsWith("--out '' is empty"), e.getMessage());
    }

    @Test
    void aReadOnlyPlaceIsRefused(@TempDir Path dir) throws Exception {
        try (SmallDisk ro = SmallDisk.mountReadOnly(dir.resolve("ro"))) {
            OutputFolderException e = assertThrows(OutputFolderException.class,
                    () -> OutputFolder.open(ro.path().resolve("out"), "--out", false, notices::add));
            assertTrue(e.getMessage().startsWith("--out " + ro.path().resolve("out") + " cannot be created"),
                    e.getMessage());
            e = assertThrows(OutputFolderException.class, () -> OutputFolder.open(ro.path(), "--out", false,
                    notices::add));
            assertTrue(e.getMessage().contains("is not writable"), e.getMessage());
            e = assertThrows(OutputFolderException.class,
                    () -> OutputFolder.checkWritableFile(ro.path().resolve("m.json"), "--json"));
            assertTrue(e.getMessage().startsWith("--json " + ro.path().resolve("m.json") + " is not writable"),
                    e.getMessage());
        }
    }

    @Test
    void anUnwritableJsonPathIsFoundBeforeAnythingRuns(@TempDir Path dir) {
        OutputFolderException e = assertThrows(OutputFolderException.class,
                () -> OutputFolder.checkWritableFile(dir.resolve("no/such/m.json"), "--json"));
        assertTrue(e.getMessage().contains("does not exist; create it or choose another path"), e.getMessage());
        e = assertThrows(OutputFolderException.class, () -> OutputFolder.checkWritableFile(dir, "--json"));
        assertTrue(e.getMessage().endsWith("is a folder; give a file name inside it"), e.getMessage());
        assertThrows(OutputFolderException.class, () -> OutputFolder.checkWritableFile(Path.of(""), "--json"));
    }

    @Test
    void aSecondRunOnTheSameFolderIsRefusedNamingTheHolder(@TempDir Path dir) throws Exception {
        try (OutputFolder first = OutputFolder.open(dir, "--out", false, notices::add)) {
            OutputFolderException e = assertThrows(OutputFolderException.class,
                    () -> OutputFolder.open(dir, "--out", false, notices::add));
            assertTrue(e.getMessage().startsWith(dir + " is in use by another joulebench run: pid "
                    + ProcessHandle.current().pid() + " on " + OutputFolder.hostName()), e.getMessage());
            assertTrue(e.getMessage().endsWith("or pass --wait-lock"), e.getMessage());
        }
        try (OutputFolder again = OutputFolder.open(dir, "--out", false, notices::add)) {
            assertEquals(dir, again.path());
        }
        assertEquals(List.of(), notices, "a cleanly released lock is not stale");
    }

    @Test
    void aStaleLockOfADeadProcessOnThisHostIsTakenOverAndSaid(@TempDir Path dir) throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(dir.resolve(OutputFolder.LOCK_FILE), "pid=" + dead.pid() + " host="
                + OutputFolder.hostName() + " since=2026-01-01T00:00:00Z\n");
        try (OutputFolder folder = OutputFolder.open(dir, "--out", false, notices::add)) {
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith("took over a stale lock on " + dir + ": pid " + dead.pid()),
                    notices.get(0));
            assertTrue(Files.readString(dir.resolve(OutputFolder.LOCK_FILE))
                    .startsWith("pid=" + ProcessHandle.current().pid() + " host="));
        }
    }

    @Test
    void aLockFromAnotherHostIsNotTakenOverSilently(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(OutputFolder.LOCK_FILE), "pid=12 host=elsewhere.example since=x\n");
        OutputFolderException e = assertThrows(OutputFolderException.class,
                () -> OutputFolder.open(dir, "--out", false, notices::add));
        assertTrue(e.getMessage().contains("locked by pid 12 on elsewhere.example"), e.getMessage());
    }

    @Test
    void waitLockWaitsForTheHolderToFinish(@TempDir Path dir) throws Exception {
        OutputFolder first = OutputFolder.open(dir, "--out", false, notices::add);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Object> second = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (OutputFolder f = OutputFolder.open(dir, "--out", true, n -> {
                notices.add(n);
                waiting.countDown();
            })) {
                second.set(f.path());
            } catch (Exception | Error e) {
                second.set(e);
            }
        }, "wait-lock-test");
        t.start();
        assertTrue(waiting.await(60, TimeUnit.SECONDS), "the second run says it waits");
        assertFalse(second.get() != null, "still waiting while the first holds the folder");
        first.close();
        t.join(60_000);
        assertEquals(dir, second.get());
        assertTrue(notices.get(0).startsWith("waiting for " + dir + ": in use by pid"), notices.toString());
    }
}
