package io.joulebench.reports.table;

import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Table;
import java.util.List;

/** GitHub-flavoured Markdown: caption in bold, pipe table, footnotes as a list beneath. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    public static String render(Table table) {
        Footnotes notes = new Footnotes(table);
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(escape(table.caption())).append("**\n\n");
        sb.append('|');
        for (Column c : table.columns()) {
            sb.append(' ').append(escape(c.label())).append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < table.columns().size(); i++) {
            sb.append(numeric(table, i) ? " ---: |" : " --- |");
        }
        sb.append('\n');
        for (List<Cell> row : table.rows()) {
            sb.append('|');
            for (Cell c : row) {
                sb.append(' ').append(cell(c, notes)).append(" |");
            }
            sb.append('\n');
        }
        List<String> lines = notes.lines();
        List<String> all = new java.util.ArrayList<>(lines);
        all.addAll(table.notes());
        if (!all.isEmpty()) {
            sb.append('\n');
            for (String line : all) {
                sb.append("- ").append(escape(line)).append('\n');
            }
        }
        return sb.toString();
    }

    static boolean numeric(Table table, int column) {
        return table.rows().stream().anyMatch(r -> r.get(column).number() != null);
    }

    private static String cell(Cell c, Footnotes notes) {
        if (!c.isAvailable()) {
            return "n/a [" + notes.numberOf(c) + "]";
        }
        String value = c.number() != null ? Numbers.cellValue(c, " ± ") : escape(c.text());
        return value + Footnotes.mark(c);
    }

    /**
     * Escapes what would end a cell or start markup: backslash, pipe, emphasis, code, links, HTML; newlines become
     * spaces because a Markdown table row is one line.
     */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\', '|', '*', '_', '`', '[', ']', '<', '>', '#', '~', '&' -> sb.append('\\').append(ch);
                case '\r' -> {
                    if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
                        sb.append(' ');
                    }
                }
                case '\n', '\t' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
