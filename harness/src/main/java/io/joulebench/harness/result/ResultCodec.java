package io.joulebench.harness.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes trial records as JSON lines: {@value TrialRecord#SCHEMA}, and trial/1 by conversion. */
public final class ResultCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultCodec() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** One line, without its newline. */
    public static String write(TrialRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trial record could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses one line of either schema.
     *
     * @throws JsonProcessingException when the line is not JSON or not a trial record of a known schema
     */
    public static TrialRecord parse(String line) throws JsonProcessingException {
        JsonNode node = JSON.readTree(line);
        String schema = node == null || !node.isObject() ? null : node.path("schema").asText(null);
        if (TrialRecord.SCHEMA.equals(schema)) {
            return JSON.treeToValue(node, TrialRecord.class);
        }
        if (LegacyTrialReader.SCHEMA.equals(schema)) {
            return LegacyTrialReader.convert(node, JSON);
        }
        throw new UnknownSchemaException(schema);
    }

    /** A JSON line that is not a trial record this version knows. */
    public static final class UnknownSchemaException extends JsonProcessingException {
        UnknownSchemaException(String schema) {
            super(schema == null ? "no \"schema\" field: not a trial record"
                    : "schema '" + schema + "' is not one this JouleBench reads (" + TrialRecord.SCHEMA + ", "
                    + LegacyTrialReader.SCHEMA + "); a newer JouleBench wrote it");
        }
    }
}
