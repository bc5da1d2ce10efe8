package io.joulebench.reports.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole report: title, provenance facts and per-domain badges, the sections (kept in the spec's order,
 * at most one per kind) and report-wide notes. Sections not supplied are rendered as "not supplied".
 */
public record Report(String title, String generated, List<FactGroup> provenance, List<DomainBadge> badges,
                     List<Section> sections, List<Note> notes) {

    public Report {
        Objects.requireNonNull(title, "title");
        generated = generated == null ? "" : generated;
        provenance = List.copyOf(provenance);
        badges = List.copyOf(badges);
        Map<SectionKind, Section> byKind = new EnumMap<>(SectionKind.class);
        for (Section s : sections) {
            if (byKind.put(s.kind(), s) != null) {
                throw new IllegalArgumentException("two sections of kind " + s.kind());
            }
        }
        sections = byKind.values().stream().sorted(Comparator.comparing(Section::kind)).toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
        requireUniqueIds(sections);
    }

    public Section section(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
    }

    public List<Table> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }

    public List<Chart> charts() {
        return sections.stream().flatMap(s -> s.charts().stream()).toList();
    }

    // Table and chart ids name files in one folder each and anchors in one page, so they must be unique.
    private static void requireUniqueIds(List<Section> sections) {
        Set<String> seen = new HashSet<>();
        List<String> dupes = new ArrayList<>();
        sections.stream().flatMap(s -> Stream.concat(
                        s.tables().stream().map(t -> "table-" + t.id()),
                        s.charts().stream().map(c -> "chart-" + c.id())))
                .forEach(id -> {
                    if (!seen.add(id)) {
                        dupes.add(id);
                    }
                });
        if (!dupes.isEmpty()) {
            throw new IllegalArgumentException("duplicate ids: " + dupes);
        }
    }
}
