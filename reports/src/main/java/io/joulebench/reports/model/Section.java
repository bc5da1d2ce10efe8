package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * One section's content. A section the caller cannot fill is still shown, with {@code missingReason}.
 *
 * @param kind          which section of the spec
 * @param blocks        paragraphs, tables and charts in order
 * @param notes         notes and warnings (e.g. "left out: 2 trials, no power trace")
 * @param missingReason non-null when the section has no content, saying why
 */
public record Section(SectionKind kind, List<Block> blocks, List<Note> notes, String missingReason) {
    public Section {
        Objects.requireNonNull(kind, "kind");
        blocks = List.copyOf(blocks);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (blocks.isEmpty() && (missingReason == null || missingReason.isBlank())
                && kind != SectionKind.PROVENANCE && kind != SectionKind.DOWNLOADS) {
            throw new IllegalArgumentException("section " + kind + " is empty; say why with missingReason");
        }
    }

    public static Section of(SectionKind kind, List<Block> blocks, List<Note> notes) {
        return new Section(kind, blocks, notes, null);
    }

    public static Section of(SectionKind kind, Block... blocks) {
        return new Section(kind, List.of(blocks), List.of(), null);
    }

    public static Section missing(SectionKind kind, String reason) {
        return new Section(kind, List.of(), List.of(), Objects.requireNonNull(reason, "reason"));
    }

    public List<Table> tables() {
        return blocks.stream().filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    public List<Chart> charts() {
        return blocks.stream().filter(Chart.class::isInstance).map(Chart.class::cast).toList();
    }
}
