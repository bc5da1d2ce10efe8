package io.joulebench.reports.table;

import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Table;
import java.util.List;

/** A LaTeX table with booktabs rules (needs \\usepackage{booktabs}); footnotes beneath the tabular. */
public final class LatexTable {
    private LatexTable() {
    }

    public static String render(Table table) {
        Footnotes notes = new Footnotes(table);
        StringBuilder sb = new StringBuilder();
        sb.append("\\begin{table}[ht]\n\\centering\n");
        sb.append("\\caption{").append(escape(table.caption())).append("}\n");
        sb.append("\\label{tab:").append(table.id()).append("}\n");
        sb.append("\\begin{tabular}{");
        for (int i = 0; i < table.columns().size(); i++) {
            sb.append(MarkdownTable.numeric(table, i) ? 'r' : 'l');
        }
        sb.append("}\n\\toprule\n");
        List<Column> cols = table.columns();
        for (int i = 0; i < cols.size(); i++) {
            sb.append(i == 0 ? "" : " & ").append(escape(cols.get(i).label()));
        }
        sb.append(" \\\\\n\\midrule\n");
        for (List<Cell> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                sb.append(i == 0 ? "" : " & ").append(cell(row.get(i), notes));
            }
            sb.append(" \\\\\n");
        }
        sb.append("\\bottomrule\n\\end{tabular}\n");
        List<String> lines = new java.util.ArrayList<>(notes.lines());
        lines.addAll(table.notes());
        if (!lines.isEmpty()) {
            sb.append("\\par\\smallskip\n{\\footnotesize\n");
            for (String line : lines) {
                sb.append(escape(line)).append("\\par\n");
            }
            sb.append("}\n");
        }
        sb.append("\\end{table}\n");
        return sb.toString();
    }

    private static String cell(Cell c, Footnotes notes) {
        if (!c.isAvailable()) {
            return "n/a\\textsuperscript{" + notes.numberOf(c) + "}";
        }
        String value = c.number() != null ? Numbers.cellValue(c, " $\\pm$ ") : escape(c.text());
        return value + escape(Footnotes.mark(c));
    }

    /** Escapes LaTeX's special characters (and our marks) so any text prints as written. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(ch);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '\\' -> sb.append("\\textbackslash{}");
                // Braced so a cell starting with "[" is never read as the optional argument of the row's "\\".
                case '[' -> sb.append("{[}");
                case ']' -> sb.append("{]}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                case '|' -> sb.append("\\textbar{}");
                case '†' -> sb.append("\\textsuperscript{\\dag}");
                case '‡' -> sb.append("\\textsuperscript{\\ddag}");
                case '±' -> sb.append("$\\pm$");
                case '\r', '\n', '\t' -> sb.append(' ');
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
