package io.joulebench.harness.slurm;

import static io.joulebench.harness.slurm.MergeRecords.completed;
import static io.joulebench.harness.slurm.MergeRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeShardsTest {
    @TempDir
    Path tmp;

    private final List<String> notes = new ArrayList<>();

    private ShardMerge.Result merge(Path... paths) {
        return ShardMerge.merge(List.of(paths), new ResultsStore(tmp.resolve("out"), notes::add), null, null,
                notes::add);
    }

    private List<TrialRecord> merged() {
        return new ResultsStore(tmp.resolve("out")).readAll();
    }

    @Test
    void aCompletedRecordWinsAndTheFirstCompletedIsKept() throws Exception {
        Path a = MergeRecords.write(tmp.resolve("shards/0/results.jsonl"), List.of(completed("k1"),
                record("k2", TrialRecord.FAILED, "hash-a", "c1", "node1")));
        Path b = MergeRecords.write(tmp.resolve("b.jsonl"), List.of(completed("k2"), completed("k1"),
                record("k3", TrialRecord.INTERRUPTED, "hash-a", "c1", "node1")));
        Files.createDirectories(tmp.resolve("shards/1")); // a task that wrote nothing
        ShardMerge.Result r = merge(a.getParent(), b, tmp.resolve("shards/1"));
        assertEquals(5, r.read());
        assertEquals(1, r.duplicates(), "k1 completed twice: counted");
        List<TrialRecord> out = merged();
        assertEquals(List.of("k1", "k2", "k3"), out.stream().map(TrialRecord::key).toList());
        assertTrue(out.get(1).completed(), "the completed k2 replaced its failure (which was never added)");
        assertEquals(1, r.incomplete(), "k3 is still interrupted");
        assertTrue(notes.stream().anyMatch(n -> n.contains("shards/1") && n.contains("skipped")), notes.toString());
    }

    @Test
    void mergingTwiceAddsNothing() throws Exception {
        Path a = MergeRecords.write(tmp.resolve("a.jsonl"), List.of(completed("k1"), completed("k2"),
                record("k3", TrialRecord.FAILED, "hash-a", "c1", "node1")));
        assertEquals(3, merge(a).added());
        long size = Files.size(tmp.resolve("out/results.jsonl"));
        ShardMerge.Result again = merge(a);
        assertEquals(0, again.added());
        assertEquals(size, Files.size(tmp.resolve("out/results.jsonl")));
        assertEquals(2, again.duplicates());
        assertEquals(1, again.notNeeded());
    }

    @Test
    void shardsOfAnotherSuiteAreRefusedBeforeAnythingIsWritten() {
        Path a = MergeRecords.write(tmp.resolve("a.jsonl"), List.of(completed("k1")));
        Path b = MergeRecords.write(tmp.resolve("b.jsonl"), List.of(record("k2", TrialRecord.COMPLETED,
                "hash-b", "c1", "node1")));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> merge(a, b));
        assertTrue(e.getMessage().contains("a.jsonl") && e.getMessage().contains("b.jsonl")
                && e.getMessage().contains("hash-b") && !e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out/results.jsonl")));
    }

    @Test
    void mixedCommitsAndHostsAreOneWarningEach() {
        Path a = MergeRecords.write(tmp.resolve("a.jsonl"), List.of(completed("k1"),
                record("k2", TrialRecord.COMPLETED, "hash-a", "c2", "node2")));
        merge(a);
        assertEquals(1, notes.stream().filter(n -> n.startsWith("warning") && n.contains("git commits")
                && n.contains("c1") && n.contains("c2")).count(), notes.toString());
        assertEquals(1, notes.stream().filter(n -> n.startsWith("warning") && n.contains("hosts")
                && n.contains("node2")).count(), notes.toString());
    }

    @Test
    void oneSourceGivesNoWarning() {
        Path a = MergeRecords.write(tmp.resolve("a.jsonl"), List.of(completed("k1"), completed("k2")));
        merge(a);
        assertTrue(notes.stream().noneMatch(n -> n.startsWith("warning")), notes.toString());
    }
}
