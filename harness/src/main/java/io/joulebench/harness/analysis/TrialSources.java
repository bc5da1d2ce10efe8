package io.joulebench.harness.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads trial records from results folders and {@code .jsonl} files, de-duplicated by trial key. */
public final class TrialSources {
    private static final String TRIAL_2 = "{\"schema\":\"" + TrialRecord.SCHEMA + "\"";

    private TrialSources() {
    }

    /**
     * The records and what reading noted.
     *
     * @param records de-duplicated, in first-seen order
     * @param notes   e.g. a cut-short last line skipped, duplicates replaced
     */
    public record Loaded(List<TrialRecord> records, List<String> notes) {
        public Loaded {
            records = List.copyOf(records);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Reads each path: a folder's {@value ResultsStore#FILE_NAME}, or a {@code .jsonl} file. Records with one key
     * (and arm, and warm-up flag) are one trial: a later record replaces an earlier one unless the later one failed
     * and the earlier one completed.
     *
     * @throws UncheckedIOException naming the file, and the line for a line that is not a trial record
     */
    public static Loaded read(List<Path> paths) {
        Map<String, TrialRecord> byKey = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int replaced = 0;
        for (Path p : paths) {
            Path file = Files.isDirectory(p) ? p.resolve(ResultsStore.FILE_NAME) : p;
            if (!Files.isRegularFile(file)) {
                throw new ResultsStore.ResultsFormatException(Files.isDirectory(p) ? p + " has no "
                        + ResultsStore.FILE_NAME + ": not a results folder" : "no such file: " + p);
            }
            for (TrialRecord r : readFile(file, notes)) {
                String k = r.key() + "|" + (r.suite() == null ? "" : r.suite().arm()) + "|" + r.warmup();
                TrialRecord prev = byKey.get(k);
                if (prev != null) {
                    replaced++;
                }
                if (prev == null || r.completed() || !prev.completed()) {
                    byKey.put(k, r);
                }
            }
        }
        if (replaced > 0) {
            notes.add(replaced + " record(s) with a key seen before: de-duplicated (a completed one kept)");
        }
        return new Loaded(new ArrayList<>(byKey.values()), notes);
    }

    private static List<TrialRecord> readFile(Path file, List<String> notes) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // Parsing dominates reading 1 000 records: lines are parsed in parallel, then checked in order.
        Object[] parsed = java.util.stream.IntStream.range(0, lines.size()).parallel()
                .mapToObj(i -> parse(lines.get(i))).toArray();
        List<TrialRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (parsed[i] == null) {
                continue;
            }
            if (parsed[i] instanceof TrialRecord r) {
                out.add(r);
                continue;
            }
            if (i == lines.size() - 1 && !lines.get(i).stripTrailing().endsWith("}")) {
                // A last line cut short by a crash was never a finished record (as ResultsStore reads it).
                notes.add(file + " line " + (i + 1) + ": cut short, skipped");
                break;
            }
            throw new ResultsStore.ResultsFormatException(file + " line " + (i + 1) + " is not a trial record: "
                    + parsed[i]);
        }
        return out;
    }

    /** The record, null for a blank line, or why the line is not a record. */
    private static Object parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            if (line.startsWith(TRIAL_2)) {
                // One pass straight into the record: what ResultCodec.parse does for trial/2 after building a tree
                // first, which costs twice the time over a thousand records.
                return ResultCodec.json().readValue(line, TrialRecord.class);
            }
            return ResultCodec.parse(line);
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
