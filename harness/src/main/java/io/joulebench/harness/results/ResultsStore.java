package io.joulebench.harness.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.TrialRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.jsonl} in an output folder: every finished trial appended as one JSON line and forced to disk
 * before the next trial starts, so an interruption loses nothing already finished.
 */
public final class ResultsStore {
    public static final String FILE_NAME = "results.jsonl";

    private final Path file;

    public ResultsStore(Path outDir) {
        this.file = outDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public static ObjectMapper json() {
        return ResultCodec.json();
    }

    /** Appends one record and forces it to disk. */
    public synchronized void append(TrialRecord record) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] line = (ResultCodec.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage()
                    + "; check the folder is writable and the disk is not full", e);
        }
    }

    /**
     * Every record in the file, in order. A last line cut short by a crash is ignored (it was never a finished
     * record); a malformed line elsewhere is an error naming the line.
     */
    public List<TrialRecord> readAll() {
        List<TrialRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(ResultCodec.parse(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    break;
                }
                throw new ResultsFormatException(file + " line " + (i + 1) + " is not a trial record ("
                        + e.getOriginalMessage() + "); move the file aside or repair that line");
            }
        }
        return records;
    }

    /** A results file that cannot be understood. */
    public static final class ResultsFormatException extends RuntimeException {
        public ResultsFormatException(String message) {
            super(message);
        }
    }
}
