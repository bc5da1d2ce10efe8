package io.joulebench.reports.json;

import io.joulebench.reports.table.Numbers;

/**
 * A minimal streaming JSON writer: the caller opens and closes objects and arrays, the writer places commas and
 * escapes strings (quotes, backslash, control characters, U+2028/U+2029).
 */
public final class JsonWriter {
    private final StringBuilder sb = new StringBuilder();
    // Per nesting level: whether the next value needs a comma before it.
    private final java.util.ArrayDeque<boolean[]> levels = new java.util.ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        value();
        sb.append('{');
        levels.push(new boolean[1]);
        return this;
    }

    public JsonWriter endObject() {
        levels.pop();
        sb.append('}');
        return this;
    }

    public JsonWriter beginArray() {
        value();
        sb.append('[');
        levels.push(new boolean[1]);
        return this;
    }

    public JsonWriter endArray() {
        levels.pop();
        sb.append(']');
        return this;
    }

    public JsonWriter name(String name) {
        comma();
        string(name);
        sb.append(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        value();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        return this;
    }

    public JsonWriter value(Double d) {
        value();
        if (d == null) {
            sb.append("null");
        } else if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        } else {
            sb.append(Numbers.plain(d));
        }
        return this;
    }

    public JsonWriter value(Integer i) {
        value();
        sb.append(i == null ? "null" : i.toString());
        return this;
    }

    public JsonWriter value(boolean b) {
        value();
        sb.append(b);
        return this;
    }

    public JsonWriter field(String name, String s) {
        return name(name).value(s);
    }

    public JsonWriter field(String name, Double d) {
        return name(name).value(d);
    }

    private void value() {
        if (afterName) {
            afterName = false;
        } else {
            comma();
        }
    }

    private void comma() {
        boolean[] level = levels.peek();
        if (level != null) {
            if (level[0]) {
                sb.append(',');
            }
            level[0] = true;
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
