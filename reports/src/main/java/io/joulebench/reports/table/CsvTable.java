package io.joulebench.reports.table;

import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as machine-readable CSV: each column's value alone, then " lo"/" hi", " sd", " n" columns where any of
 * its cells has them, and a " note" column where any cell is modelled, attributed or unavailable. A missing value
 * is an empty field with "n/a: reason" in its note, never 0.
 */
public final class CsvTable {
    private CsvTable() {
    }

    public static String render(Table table) {
        List<Column> cols = table.columns();
        List<Extra> extras = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            extras.add(Extra.of(table, i));
        }
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            String label = cols.get(i).label();
            header.add(label);
            Extra e = extras.get(i);
            if (e.interval) {
                header.add(label + " lo");
                header.add(label + " hi");
            }
            if (e.sd) {
                header.add(label + " sd");
            }
            if (e.n) {
                header.add(label + " n");
            }
            if (e.note) {
                header.add(label + " note");
            }
        }
        Csv.record(sb, header);
        for (List<Cell> row : table.rows()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Cell c = row.get(i);
                Extra e = extras.get(i);
                fields.add(c.number() != null ? Numbers.fixed(c.number(), c.decimals()) : c.text());
                if (e.interval) {
                    fields.add(c.interval() == null ? "" : Numbers.fixed(c.interval().lo(), c.decimals()));
                    fields.add(c.interval() == null ? "" : Numbers.fixed(c.interval().hi(), c.decimals()));
                }
                if (e.sd) {
                    fields.add(c.sd() == null ? "" : Numbers.fixed(c.sd(), c.decimals()));
                }
                if (e.n) {
                    fields.add(c.n() == null ? "" : Integer.toString(c.n()));
                }
                if (e.note) {
                    fields.add(note(c));
                }
            }
            Csv.record(sb, fields);
        }
        return sb.toString();
    }

    private static String note(Cell c) {
        String why = c.reason() == null ? "" : ": " + c.reason();
        return switch (c.obtained()) {
            case UNAVAILABLE -> "n/a" + why;
            case MODELLED -> "modelled" + why;
            case ATTRIBUTED -> "attributed" + why;
            case MEASURED -> "";
        };
    }

    private record Extra(boolean interval, boolean sd, boolean n, boolean note) {
        static Extra of(Table t, int i) {
            return new Extra(
                    t.rows().stream().anyMatch(r -> r.get(i).interval() != null),
                    t.rows().stream().anyMatch(r -> r.get(i).sd() != null),
                    t.rows().stream().anyMatch(r -> r.get(i).n() != null),
                    t.rows().stream().anyMatch(r -> !r.get(i).isAvailable() || r.get(i).isMarked()));
        }
    }
}
