package io.joulebench.reports.emissions;

import io.joulebench.reports.table.Numbers;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One trial's emissions.csv row. Only set what applies: an unset column is written empty, never 0. Values are
 * typed per column (numbers finite, counts integral, on_cloud Y/N); python_version and codecarbon_version stay empty.
 */
public final class EmissionsRow {
    /** CodeCarbon's %Y-%m-%dT%H:%M:%S. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final Set<String> RESERVED = java.util.Arrays.stream(CodeCarbonColumn.values())
            .map(CodeCarbonColumn::header).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Map<CodeCarbonColumn, String> values;
    private final Map<String, String> extras;

    private EmissionsRow(Builder b) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(b.values));
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(b.extras));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text of a CodeCarbon column, or "" when it does not apply. */
    public String get(CodeCarbonColumn column) {
        return values.getOrDefault(column, "");
    }

    /** JouleBench's own columns, in the order they were set. */
    public Map<String, String> extras() {
        return extras;
    }

    /** Collects a row's values, checking each against its column's kind. */
    public static final class Builder {
        private final Map<CodeCarbonColumn, String> values = new EnumMap<>(CodeCarbonColumn.class);
        private final Map<String, String> extras = new LinkedHashMap<>();

        public Builder timestamp(LocalDateTime time) {
            return put(CodeCarbonColumn.TIMESTAMP, CodeCarbonColumn.Kind.TIMESTAMP, TIMESTAMP.format(time));
        }

        public Builder text(CodeCarbonColumn column, String text) {
            return put(column, CodeCarbonColumn.Kind.TEXT, Objects.requireNonNull(text, "text"));
        }

        public Builder number(CodeCarbonColumn column, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(column.header() + ": leave a missing value unset, not " + value);
            }
            return put(column, CodeCarbonColumn.Kind.NUMBER, Numbers.plain(value));
        }

        public Builder count(CodeCarbonColumn column, int value) {
            return put(column, CodeCarbonColumn.Kind.INTEGER, Integer.toString(value));
        }

        public Builder onCloud(boolean onCloud) {
            return put(CodeCarbonColumn.ON_CLOUD, CodeCarbonColumn.Kind.YES_NO, onCloud ? "Y" : "N");
        }

        public Builder extra(String name, String text) {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException(name + " is a CodeCarbon column; set it through its setter");
            }
            extras.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
            return this;
        }

        public Builder extra(String name, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + ": leave a missing value unset, not " + value);
            }
            return extra(name, Numbers.plain(value));
        }

        private Builder put(CodeCarbonColumn column, CodeCarbonColumn.Kind kind, String text) {
            if (column.kind() != kind) {
                throw new IllegalArgumentException(column.header() + " holds " + column.kind() + ", not " + kind);
            }
            values.put(column, text);
            return this;
        }

        public EmissionsRow build() {
            return new EmissionsRow(this);
        }
    }
}
