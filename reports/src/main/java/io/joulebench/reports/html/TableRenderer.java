package io.joulebench.reports.html;

import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Table;
import io.joulebench.reports.table.CsvTable;
import io.joulebench.reports.table.Footnotes;
import io.joulebench.reports.table.LatexTable;
import io.joulebench.reports.table.MarkdownTable;
import io.joulebench.reports.table.Numbers;
import java.util.List;

/** An HTML table with footnotes, and for small tables its Markdown, LaTeX and CSV text ready to copy. */
final class TableRenderer {
    // Larger tables (the raw per-trial table) are linked rather than repeated three times in the page.
    static final int MAX_INLINE_COPY_ROWS = 60;

    private TableRenderer() {
    }

    static void render(Table t, StringBuilder out) {
        Footnotes notes = new Footnotes(t);
        String id = "table-" + t.id();
        out.append("<div class=\"table-wrap\"><table id=\"").append(id).append("\">\n<caption>")
                .append(Html.escape(t.caption())).append("</caption>\n<thead><tr>");
        for (Column c : t.columns()) {
            out.append("<th scope=\"col\">").append(Html.escape(c.label())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : t.rows()) {
            out.append("<tr>");
            for (Cell c : row) {
                cell(c, notes, out);
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
        List<String> lines = new java.util.ArrayList<>(notes.lines());
        lines.addAll(t.notes());
        if (!lines.isEmpty()) {
            out.append("<ul class=\"footnotes\">");
            lines.forEach(l -> out.append("<li>").append(Html.escape(l)).append("</li>"));
            out.append("</ul>\n");
        }
        out.append("<p class=\"downloads-inline\">Download: ");
        link(out, "tables/" + t.id() + ".md", "Markdown");
        out.append(" · ");
        link(out, "tables/" + t.id() + ".tex", "LaTeX");
        out.append(" · ");
        link(out, "tables/" + t.id() + ".csv", "CSV");
        out.append("</p>\n");
        if (t.rows().size() <= MAX_INLINE_COPY_ROWS) {
            copyBlock(out, id + "-md", "Markdown", MarkdownTable.render(t));
            copyBlock(out, id + "-tex", "LaTeX (booktabs)", LatexTable.render(t));
            copyBlock(out, id + "-csv", "CSV", CsvTable.render(t));
        }
    }

    private static void cell(Cell c, Footnotes notes, StringBuilder out) {
        if (!c.isAvailable()) {
            out.append("<td class=\"na\" title=\"n/a: ").append(Html.escape(c.reason())).append("\">n/a<sup>[")
                    .append(notes.numberOf(c)).append("]</sup></td>");
            return;
        }
        String cls = c.number() != null ? "num" : "text";
        String title = "";
        if (c.isMarked()) {
            cls += " " + c.obtained().name().toLowerCase(java.util.Locale.ROOT);
            title = c.obtained().name().toLowerCase(java.util.Locale.ROOT) + (c.reason() == null ? "" : ": " + c.reason());
        }
        out.append("<td class=\"").append(cls).append('"');
        if (!title.isEmpty()) {
            out.append(" title=\"").append(Html.escape(title)).append('"');
        }
        out.append('>');
        out.append(c.number() != null ? Html.escape(Numbers.cellValue(c, " ± ")) : Html.escape(c.text()));
        String mark = Footnotes.mark(c);
        if (!mark.isEmpty()) {
            out.append("<sup>").append(mark).append("</sup>");
        }
        out.append("</td>");
    }

    private static void copyBlock(StringBuilder out, String id, String label, String text) {
        out.append("<details><summary>").append(label).append("<button class=\"copy\" type=\"button\" data-copy=\"")
                .append(id).append("\">Copy</button></summary><pre id=\"").append(id).append("\">")
                .append(Html.escape(text)).append("</pre></details>\n");
    }

    static void link(StringBuilder out, String href, String text) {
        out.append("<a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(text)).append("</a>");
    }
}
