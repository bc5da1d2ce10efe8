package io.joulebench.harness.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.TrialRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code results.jsonl} in an output folder: every finished trial appended as one JSON line and forced to disk
 * before the next trial starts, so an interruption loses nothing already finished.
 */
public final class ResultsStore {
    public static final String FILE_NAME = "results.jsonl";

    private final Path file;
    private final DurableJsonl lines;

    public ResultsStore(Path outDir) {
        this(outDir, System.err::println);
    }

    /** @param notices receives one line when a cut last line is moved aside */
    public ResultsStore(Path outDir, Consumer<String> notices) {
        this.file = outDir.resolve(FILE_NAME);
        this.lines = new DurableJsonl(file, ResultsStore::isRecord, notices);
    }

    public Path file() {
        return file;
    }

    public static ObjectMapper json() {
        return ResultCodec.json();
    }

    /** Appends one record as one whole line, forced to disk (a cut last line is moved aside first). */
    public void append(TrialRecord record) {
        lines.append(ResultCodec.write(record));
    }

    /**
     * Every record in the file, in order. A last line cut short by a crash is ignored (it was never a finished
     * record, and is moved aside before the next append); a malformed line elsewhere is an error naming the line.
     */
    public List<TrialRecord> readAll() {
        List<TrialRecord> records = new ArrayList<>();
        List<String> all = lines.readLines();
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(ResultCodec.parse(line));
            } catch (JsonProcessingException e) {
                if (i == all.size() - 1) {
                    break;
                }
                throw new ResultsFormatException(file + " line " + (i + 1) + " is not a trial record ("
                        + e.getOriginalMessage() + "); move the file aside or repair that line");
            }
        }
        return records;
    }

    private static boolean isRecord(String line) {
        try {
            ResultCodec.parse(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** A results file that cannot be understood. */
    public static final class ResultsFormatException extends ResultsIoException {
        public ResultsFormatException(String message) {
            super(message);
        }
    }
}
