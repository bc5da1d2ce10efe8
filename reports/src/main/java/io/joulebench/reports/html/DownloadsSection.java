package io.joulebench.reports.html;

import io.joulebench.reports.model.Chart;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.Table;

/** Relative links to every file written beside the page (never a network address). */
final class DownloadsSection implements SectionRenderer {

    @Override
    public void render(Report report, Section section, PageContext page, StringBuilder out) {
        out.append("<h3>Data</h3>\n<ul>\n<li>");
        TableRenderer.link(out, "summary.json", "summary.json");
        out.append(": the whole report as data (schema joulebench.report/1)</li>\n");
        if (page.emissionsWritten()) {
            out.append("<li>");
            TableRenderer.link(out, "emissions.csv", "emissions.csv");
            out.append(": one row per trial, CodeCarbon's columns first</li>\n");
        }
        out.append("</ul>\n<h3>Tables</h3>\n<ul>\n");
        for (Table t : report.tables()) {
            out.append("<li>").append(Html.escape(t.caption())).append(": ");
            TableRenderer.link(out, "tables/" + t.id() + ".md", "Markdown");
            out.append(" · ");
            TableRenderer.link(out, "tables/" + t.id() + ".tex", "LaTeX");
            out.append(" · ");
            TableRenderer.link(out, "tables/" + t.id() + ".csv", "CSV");
            out.append("</li>\n");
        }
        out.append("</ul>\n<h3>Charts</h3>\n<ul>\n");
        for (Chart c : report.charts()) {
            out.append("<li>").append(Html.escape(c.title())).append(": ");
            TableRenderer.link(out, "charts/" + c.id() + ".svg", "SVG");
            out.append(" · ");
            TableRenderer.link(out, "charts/" + c.id() + ".png", "PNG");
            out.append("</li>\n");
        }
        out.append("</ul>\n");
        if (section != null) {
            new ContentSection().render(report, section, page, out);
        }
    }
}
