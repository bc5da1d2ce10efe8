package io.joulebench.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records behind a report, read leniently: a bad line or an empty file becomes a note (the report renders what
 * it can), while a PATH that cannot be read at all is one error naming it.
 *
 * @param records every parsed record with the folder its file lives in (trace sidecars are relative to it)
 * @param notes   what was left out while reading, and why
 * @param schemas how many lines of each schema were read
 */
public record ResultsInput(List<Loaded> records, List<String> notes, Map<String, Integer> schemas) {

    /** One record and the folder of the results file it came from. */
    public record Loaded(TrialRecord record, Path folder) {
    }

    /** Reads results folders (their results.jsonl) and .jsonl files. */
    public static ResultsInput read(List<Path> paths) {
        List<Loaded> records = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> schemas = new TreeMap<>();
        for (Path p : paths) {
            Path file = Files.isDirectory(p) ? p.resolve(ResultsStore.FILE_NAME) : p;
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new InvalidConfigurationException("cannot read results: " + file
                        + (Files.isDirectory(p) ? " (the folder holds no " + ResultsStore.FILE_NAME + ")"
                        : " (no such readable file)"));
            }
            readFile(file, records, notes, schemas);
        }
        if (schemas.size() > 1) {
            notes.add("mixed schema versions " + schemas + ": older records lack some fields (traces, per-domain"
                    + " energy), which those sections say");
        }
        return new ResultsInput(List.copyOf(records), List.copyOf(notes), Map.copyOf(schemas));
    }

    private static void readFile(Path file, List<Loaded> records, List<String> notes, Map<String, Integer> schemas) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results file " + file + ": " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        int before = records.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = ResultCodec.json().readTree(line);
                String schema = node != null && node.isObject() ? node.path("schema").asText("none") : "none";
                TrialRecord r = ResultCodec.parse(line);
                schemas.merge(schema, 1, Integer::sum);
                records.add(new Loaded(r, folder));
            } catch (JsonProcessingException | RuntimeException e) {
                String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                notes.add(file + " line " + (i + 1) + ": not a trial record (" + why + ")");
            }
        }
        if (records.size() == before) {
            notes.add(file + ": no trial record in it" + (lines.isEmpty() ? " (the file is empty)" : ""));
        }
    }
}
