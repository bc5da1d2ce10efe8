package io.joulebench.reports.html;

import io.joulebench.reports.model.Block;
import io.joulebench.reports.model.Chart;
import io.joulebench.reports.model.Paragraph;
import io.joulebench.reports.model.Preformatted;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.Table;

/** Any section made of blocks: its notes, then paragraphs, tables and charts in order, or why it is empty. */
final class ContentSection implements SectionRenderer {

    @Override
    public void render(Report report, Section section, PageContext page, StringBuilder out) {
        if (section == null) {
            out.append("<p class=\"missing\">n/a: this report was built without data for this section.</p>\n");
            return;
        }
        NotesRenderer.render(section.notes(), out);
        if (section.missingReason() != null && section.blocks().isEmpty()) {
            out.append("<p class=\"missing\">n/a: ").append(Html.escape(section.missingReason())).append("</p>\n");
        }
        for (Block b : section.blocks()) {
            block(b, page, out);
        }
    }

    static void block(Block b, PageContext page, StringBuilder out) {
        if (b instanceof Paragraph p) {
            out.append("<p>").append(Html.escape(p.text())).append("</p>\n");
        } else if (b instanceof Preformatted p) {
            out.append("<pre>").append(Html.escape(p.text())).append("</pre>\n");
        } else if (b instanceof Table t) {
            TableRenderer.render(t, out);
        } else if (b instanceof Chart c) {
            chart(c, page, out);
        }
    }

    private static void chart(Chart c, PageContext page, StringBuilder out) {
        String svg = page.svgByChartId().get(c.id());
        if (svg == null) {
            throw new IllegalStateException("chart " + c.id() + " was not rendered");
        }
        out.append("<figure class=\"chart\" id=\"chart-").append(c.id()).append("\">\n").append(svg)
                .append("\n<figcaption>").append(Html.escape(c.title())).append(" — ");
        TableRenderer.link(out, "charts/" + c.id() + ".svg", "SVG");
        out.append(" · ");
        TableRenderer.link(out, "charts/" + c.id() + ".png", "PNG");
        out.append("</figcaption></figure>\n");
    }
}
