package io.joulebench.reports.html;

import io.joulebench.reports.json.ReportJson;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.SectionKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Assembles the page: head with inline CSS, contents, every section in the spec's order, embedded JSON, tiny JS. */
public final class HtmlPage {
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    private HtmlPage() {
    }

    public static String render(Report report, PageContext page) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // Belt and braces: even a stray reference could not load anything.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>").append(Html.escape(report.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(Html.escape(report.title()))
                .append("</h1>\n");
        if (!report.generated().isEmpty()) {
            out.append("<p class=\"generated\">").append(Html.escape(report.generated())).append("</p>\n");
        }
        out.append("</header>\n<nav aria-label=\"Contents\"><ol>\n");
        for (SectionKind k : SectionKind.values()) {
            out.append("<li><a href=\"#").append(k.id()).append("\">").append(Html.escape(k.title()))
                    .append("</a></li>\n");
        }
        out.append("</ol></nav>\n<main>\n");
        NotesRenderer.render(report.notes(), out);
        for (SectionKind k : SectionKind.values()) {
            out.append("<section id=\"").append(k.id()).append("\">\n<h2>").append(Html.escape(k.title()))
                    .append("</h2>\n");
            renderer(k).render(report, report.section(k), page, out);
            out.append("</section>\n");
        }
        out.append("</main>\n<script type=\"application/json\" id=\"report-data\">")
                .append(Html.scriptSafeJson(ReportJson.write(report))).append("</script>\n<script>\n").append(JS)
                .append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static SectionRenderer renderer(SectionKind kind) {
        return switch (kind) {
            case PROVENANCE -> new ProvenanceSection();
            case DOWNLOADS -> new DownloadsSection();
            default -> new ContentSection();
        };
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
