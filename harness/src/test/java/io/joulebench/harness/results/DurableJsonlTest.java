package io.joulebench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableJsonlTest {
    private final List<String> notices = new ArrayList<>();

    /** Finding 1: the next resume appended right after the cut, gluing half an old line onto a new one. */
    @Test
    void aCutLastLineIsMovedAsideBeforeTheNextAppend(@TempDir Path dir) throws Exception {
        ResultsStore first = new ResultsStore(dir, notices::add);
        first.append(ResultsStoreTest.record(1));
        String cut = "{\"schema\":\"joulebench.tr";
        Files.writeString(first.file(), cut, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ResultsStore resumed = new ResultsStore(dir, notices::add);
        resumed.append(ResultsStoreTest.record(2));
        resumed.append(ResultsStoreTest.record(3));

        assertEquals(List.of(ResultsStoreTest.record(1), ResultsStoreTest.record(2), ResultsStoreTest.record(3)),
                new ResultsStore(dir, notices::add).readAll());
        assertEquals(3, Files.readAllLines(first.file()).size());
        assertEquals(cut + "\n", Files.readString(dir.resolve("results.jsonl.corrupt")));
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("moved it to results.jsonl.corrupt"), notices.get(0));
    }

    @Test
    void aCompleteButUnparsableLastLineIsMovedAsideToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"a\":\n");
        DurableJsonl lines = new DurableJsonl(file, l -> l.endsWith("}"), notices::add);
        lines.append("{\"a\":2}");
        assertEquals(List.of("{\"a\":1}", "{\"a\":2}"), lines.readLines());
        assertEquals("{\"a\":\n", Files.readString(dir.resolve("x.jsonl.corrupt")));
    }

    @Test
    void theCorruptFileAccumulatesAndAGoodFileIsLeftAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"cut");
        new DurableJsonl(file, l -> true, notices::add).append("{\"a\":2}");
        Files.writeString(file, "{\"again", StandardOpenOption.APPEND);
        new DurableJsonl(file, l -> true, notices::add).append("{\"a\":3}");
        new DurableJsonl(file, l -> true, notices::add).append("{\"a\":4}");
        assertEquals("{\"cut\n{\"again\n", Files.readString(dir.resolve("x.jsonl.corrupt")));
        assertEquals(List.of("{\"a\":1}", "{\"a\":2}", "{\"a\":3}", "{\"a\":4}"), Files.readAllLines(file));
        assertEquals(2, notices.size());
    }

    @Test
    void aLineBreakInsideARecordIsRefused(@TempDir Path dir) {
        DurableJsonl lines = new DurableJsonl(dir.resolve("x.jsonl"), l -> true, notices::add);
        assertThrows(IllegalArgumentException.class, () -> lines.append("{\n}"));
    }

    @Test
    void sidecarsAreReplacedWholeAndLeaveNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trial-1.trace.csv");
        DurableJsonl.writeAtomically(trace, "t,w\n0,1\n".getBytes(StandardCharsets.UTF_8));
        DurableJsonl.writeAtomically(trace, "t,w\n0,2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("t,w\n0,2\n", Files.readString(trace));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(trace), files.toList());
        }
    }

    @Test
    void aFullDiskLosesOnlyTheLineInFlightAndSaysSo(@TempDir Path dir) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"))) {
            ResultsStore store = new ResultsStore(disk.path(), notices::add);
            store.append(ResultsStoreTest.record(1));
            String big = "x".repeat(200_000);
            DurableJsonl filler = new DurableJsonl(disk.path().resolve("filler.jsonl"), l -> true, notices::add);
            ResultsIoException e = assertThrows(ResultsIoException.class, () -> filler.append("\"" + big + "\""));
            assertTrue(e.getMessage().contains("the disk is not full"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertEquals(List.of(ResultsStoreTest.record(1)), new ResultsStore(disk.path(), notices::add).readAll());
        }
    }

    @Test
    void aSidecarThatDoesNotFitLeavesTheOldOneWhole(@TempDir Path dir) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"))) {
            Path trace = disk.path().resolve("trace.csv");
            DurableJsonl.writeAtomically(trace, "old\n".getBytes(StandardCharsets.UTF_8));
            assertThrows(ResultsIoException.class,
                    () -> DurableJsonl.writeAtomically(trace, new byte[200_000]));
            assertEquals("old\n", Files.readString(trace));
            try (var files = Files.list(disk.path())) {
                assertEquals(List.of(trace), files.toList(), "no temporary file left behind");
            }
        }
    }

}
