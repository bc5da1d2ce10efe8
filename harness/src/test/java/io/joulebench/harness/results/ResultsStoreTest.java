package io.joulebench.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
    static TrialRecord record(long seed) {
        TrialSpec spec = new TrialSpec("t", "d", null, seed, 42, Map.of("a", "1"));
        return new TrialRecord(TrialRecord.SCHEMA, spec.key(), "id-" + seed, "2026-01-01T00:00:00Z",
                TrialRecord.FAILED, "boom", false, spec, null, List.of(), null, List.of(), null, null, null, null,
                null);
    }

    @Test
    void appendsOneLinePerRecordAndReadsThemBack(@TempDir Path dir) throws IOException {
        ResultsStore store = new ResultsStore(dir.resolve("nested/out"));
        store.append(record(1));
        store.append(record(2));
        List<String> lines = Files.readAllLines(store.file());
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"schema\":\"joulebench.trial/2\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"result\":null"), "missing values are null, never 0");
        List<TrialRecord> back = store.readAll();
        assertEquals(List.of(record(1), record(2)), back);
    }

    @Test
    void aLastLineCutShortByACrashIsIgnored(@TempDir Path dir) throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.append(record(1));
        Files.writeString(store.file(), "{\"schema\":\"joulebench.tr", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertEquals(1, store.readAll().size());
    }

    @Test
    void aMalformedLineInTheMiddleIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.append(record(1));
        Files.writeString(store.file(), "not json\n", StandardOpenOption.APPEND);
        store.append(record(2));
        ResultsStore.ResultsFormatException e = assertThrows(ResultsStore.ResultsFormatException.class,
                store::readAll);
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
