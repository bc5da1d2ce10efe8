package io.joulebench.harness.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.joulebench.harness.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Typed values of a suite file's YAML tree: every accessor checks its value and throws a {@link SuiteException}
 * naming the file, the line and the key, with the fix.
 */
final class SuiteValues {
    private final Path file;
    private final YamlTree tree;

    SuiteValues(Path file, YamlTree tree) {
        this.file = file;
        this.tree = tree;
    }

    int line(String path) {
        return tree.line(path);
    }

    /** A scalar as text; a list of scalars (e.g. hidden: [1000, 1000]) as comma-separated text. */
    String scalarOrList(JsonNode v, String path) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(scalarOrList(x, path)));
            return String.join(",", parts);
        }
        if (!v.isValueNode() || v.isNull()) {
            throw error(path, path + " must be a value (number, text, true/false) or a list of values");
        }
        return v.asText();
    }

    void keys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                String where = path.isEmpty() ? k : path + "." + k;
                throw error(where, "unknown key '" + where + "' (allowed here: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    String required(JsonNode node, String path, String key) {
        String v = text(node, key, null);
        if (v == null || v.isBlank()) {
            throw error(path, path + " has no '" + key + "'");
        }
        return v;
    }

    static String text(JsonNode node, String key, String fallback) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    int integer(JsonNode node, String key, int fallback, int min, int max) {
        String v = text(node, key, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(key, key + " '" + v + "' must be an integer in [" + min + ", " + max + "]");
        }
    }

    boolean bool(JsonNode node, String key, boolean fallback, String path) {
        String v = text(node, key, null);
        if (v == null) {
            return fallback;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw error(path, path + " '" + v + "' must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    Duration duration(JsonNode node, String key, Duration fallback) {
        return duration(node, key, fallback, key);
    }

    Duration duration(JsonNode node, String key, Duration fallback, String path) {
        String v = text(node, key, null);
        return v == null ? fallback : parseDuration(v, path);
    }

    Duration parseDuration(String v, String path) {
        try {
            Duration d = new DurationConverter().convert(v);
            if (d.isNegative()) {
                throw new CommandLine.TypeConversionException("negative");
            }
            return d;
        } catch (CommandLine.TypeConversionException e) {
            throw error(path, path + " '" + v + "' is not a duration: write e.g. 100ms, 5s or 2m");
        }
    }

    /** {@code 1%}, {@code 0.01} or {@code 85 %} (a percentage) as a fraction. */
    double percent(String v, String path) {
        String t = v.trim();
        try {
            double x = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
            if (!(x >= 0 && x <= 1)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw error(path, path + " '" + v + "' must be a fraction in [0, 1] or a percentage such as 1%");
        }
    }

    SuiteException error(String path, String message) {
        return new SuiteException(file + " line " + tree.line(path) + ": " + message);
    }
}
