package io.joulebench.reports.html;

import io.joulebench.reports.model.DomainBadge;
import io.joulebench.reports.model.Fact;
import io.joulebench.reports.model.FactGroup;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.Section;
import java.util.Locale;

/** Per-domain badges (measured / modelled / unavailable and why), the fact groups, then any extra blocks. */
final class ProvenanceSection implements SectionRenderer {

    @Override
    public void render(Report report, Section section, PageContext page, StringBuilder out) {
        out.append("<h3>Energy domains</h3>\n");
        if (report.badges().isEmpty()) {
            out.append("<p class=\"missing\">n/a: no energy domain was reported.</p>\n");
        } else {
            out.append("<ul class=\"badges\">\n");
            for (DomainBadge b : report.badges()) {
                String status = b.status().name().toLowerCase(Locale.ROOT);
                out.append("<li class=\"badge ").append(status).append("\" title=\"")
                        .append(Html.escape(b.reason() == null ? status : b.reason())).append("\"><strong>")
                        .append(Html.escape(b.domain())).append("</strong>: ").append(status);
                if (!b.source().isEmpty()) {
                    out.append(" (").append(Html.escape(b.source())).append(')');
                }
                if (b.reason() != null) {
                    out.append(" — ").append(Html.escape(b.reason()));
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }
        for (FactGroup g : report.provenance()) {
            out.append("<h3>").append(Html.escape(g.name())).append("</h3>\n<dl class=\"facts\">\n");
            for (Fact f : g.facts()) {
                out.append("<dt>").append(Html.escape(f.key())).append("</dt><dd>");
                if (f.value() != null) {
                    out.append(Html.escape(f.value()));
                } else {
                    out.append("<span class=\"missing\" title=\"").append(Html.escape(f.reasonIfMissing()))
                            .append("\">n/a (").append(Html.escape(f.reasonIfMissing())).append(")</span>");
                }
                out.append("</dd>\n");
            }
            out.append("</dl>\n");
        }
        if (section != null) {
            new ContentSection().render(report, section, page, out);
        }
    }
}
