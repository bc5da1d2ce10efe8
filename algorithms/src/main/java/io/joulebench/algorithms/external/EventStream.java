package io.joulebench.algorithms.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.joulebench.algorithms.EpochStart;
import io.joulebench.algorithms.EpochStats;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an external trainer's JSON-line events as they are written and turns them into listener events. Only
 * complete lines are read (the command may be half-way through one); every malformed line is an error naming the
 * command, the line number and what is wrong.
 */
final class EventStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String command;
    private final StringBuilder pending = new StringBuilder();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private long offset;
    private int lineNumber;
    private int epochsRun;
    private final Map<String, Integer> epochsPerStage = new LinkedHashMap<>();
    private TrainingResult result;

    EventStream(Path file, String command) {
        this.file = file;
        this.command = command;
    }

    /** Reads what was appended since the last call and relays it. */
    void poll(TrainingListener listener) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() <= offset) {
                return;
            }
            f.seek(offset);
            byte[] bytes = new byte[(int) (f.length() - offset)];
            f.readFully(bytes);
            offset += bytes.length;
            pending.append(new String(bytes, StandardCharsets.UTF_8));
        }
        int nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, nl).strip();
            pending.delete(0, nl + 1);
            lineNumber++;
            if (!line.isEmpty()) {
                handle(line, listener);
            }
        }
    }

    /** What the command reported about itself ({@code start} events), for provenance. */
    Map<String, String> facts() {
        return facts;
    }

    /** The {@code result} event as a training result, or null when none came. */
    TrainingResult result() {
        return result;
    }

    /** A line left without its newline when the command ended. */
    String unfinishedLine() {
        return pending.toString().strip();
    }

    private void handle(String line, TrainingListener listener) {
        JsonNode e;
        try {
            e = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw bad("is not JSON (" + ex.getOriginalMessage() + ")");
        }
        if (e == null || !e.isObject() || !e.hasNonNull("event")) {
            throw bad("has no \"event\" field");
        }
        switch (e.get("event").asText()) {
            case "start" -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!f.getKey().equals("event")) {
                        facts.put("reported." + f.getKey(), f.getValue().isValueNode() ? f.getValue().asText()
                                : f.getValue().toString());
                    }
                }
            }
            case "epoch_start" -> listener.onEpochStart(new EpochStart(stage(e), integer(e, "epoch"),
                    e.hasNonNull("max_epochs") ? integer(e, "max_epochs") : 0));
            case "epoch_end" -> {
                String stage = stage(e);
                epochsRun++;
                epochsPerStage.merge(stage, 1, Integer::sum);
                listener.onEpochEnd(new EpochStats(stage, integer(e, "epoch"), number(e, "train_loss"),
                        optional(e, "val_loss"), fraction(e, "val_accuracy"),
                        e.hasNonNull("samples_seen") ? e.get("samples_seen").asLong() : 0,
                        e.hasNonNull("data_passes") ? number(e, "data_passes") : epochsRun, optional(e, "flops"),
                        Map.of()));
            }
            case "test_start" -> listener.onTestStart();
            case "result" -> result = new TrainingResult(fractionRequired(e, "test_accuracy"),
                    optional(e, "test_loss"), e.hasNonNull("epochs") ? integer(e, "epochs") : epochsRun,
                    epochsPerStage, e.hasNonNull("best_epoch") ? integer(e, "best_epoch") : 0,
                    e.hasNonNull("stop_reason") ? e.get("stop_reason").asText() : "reported by the command",
                    e.hasNonNull("samples_seen") ? e.get("samples_seen").asLong() : 0, optional(e, "flops"),
                    Map.of());
            default -> throw bad("has an unknown event '" + e.get("event").asText()
                    + "' (known: start, epoch_start, epoch_end, test_start, result)");
        }
    }

    private static String stage(JsonNode e) {
        return e.hasNonNull("stage") ? e.get("stage").asText() : "main";
    }

    private int integer(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw bad("needs an integer \"" + field + "\"");
        }
        return v.asInt();
    }

    private double number(JsonNode e, String field) {
        Double v = optional(e, field);
        if (v == null) {
            throw bad("needs a number \"" + field + "\"");
        }
        return v;
    }

    private Double optional(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw bad("has a \"" + field + "\" that is not a finite number: " + v);
        }
        return v.asDouble();
    }

    /** Accuracies are fractions in [0, 1]: a percentage sent by mistake is refused, not stored 100x too large. */
    private Double fraction(JsonNode e, String field) {
        Double v = optional(e, field);
        if (v != null && (v < 0 || v > 1)) {
            throw bad("has \"" + field + "\" " + v + " outside [0, 1] (send a fraction, not a percentage)");
        }
        return v;
    }

    private double fractionRequired(JsonNode e, String field) {
        Double v = fraction(e, field);
        if (v == null) {
            throw bad("needs \"" + field + "\" (a fraction in [0, 1])");
        }
        return v;
    }

    private ExternalTrainingException bad(String what) {
        return new ExternalTrainingException("external trainer '" + command + "': event line " + lineNumber + " "
                + what + "; see docs/external-trainers.md");
    }
}
