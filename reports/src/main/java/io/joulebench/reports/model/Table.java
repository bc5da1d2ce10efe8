package io.joulebench.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * A table: id (file name and HTML anchor), caption, columns and rows of cells, and notes printed beneath it.
 */
public record Table(String id, String caption, List<Column> columns, List<List<Cell>> rows, List<String> notes)
        implements Block {

    public Table {
        Ids.check(id);
        Objects.requireNonNull(caption, "caption");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + id + " has no columns");
        }
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + " row " + i + " has " + rows.get(i).size()
                        + " cells for " + columns.size() + " columns");
            }
        }
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Table(String id, String caption, List<Column> columns, List<List<Cell>> rows) {
        this(id, caption, columns, rows, List.of());
    }

    public boolean hasMarkedCells() {
        return rows.stream().flatMap(List::stream).anyMatch(Cell::isMarked);
    }
}
