package io.joulebench.reports.html;

import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.Section;

/** Renders the body of one section (its heading is the page's); section may be null when not supplied. */
interface SectionRenderer {
    void render(Report report, Section section, PageContext page, StringBuilder out);
}
