package io.joulebench.harness.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a tree of plain data (YAML's data model only: no tags, no object construction), with the
 * line of every node by path ({@code arms[1].baseline}) so that every message can name its line.
 */
final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    final JsonNode root;
    private final Map<String, Integer> lines = new HashMap<>();

    private YamlTree(String text) throws IOException {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            root = t == null ? JsonNodeFactory.instance.objectNode() : read(p, "");
            if (p.nextToken() != null) {
                throw new IOException("more than one YAML document; a suite is one");
            }
        }
    }

    static YamlTree parse(String text) throws IOException {
        return new YamlTree(text);
    }

    /** The line of a path, or of its nearest ancestor that has one; 1 at worst. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, cut);
        }
    }

    private JsonNode read(JsonParser p, String path) throws IOException {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    if (o.has(name)) {
                        throw new IOException("line " + p.currentTokenLocation().getLineNr() + ": key '" + child
                                + "' appears twice");
                    }
                    o.set(name, read(p, child));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, path + "[" + i++ + "]"));
                }
                return a;
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> {
                // Scalars stay text: the suite decides what each key's value must be.
                return f.textNode(p.getText());
            }
        }
    }
}
