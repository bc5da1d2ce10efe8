package io.joulebench.reports;

import io.joulebench.reports.chart.ChartExport;
import io.joulebench.reports.chart.Charts;
import io.joulebench.reports.emissions.EmissionsCsv;
import io.joulebench.reports.emissions.EmissionsRow;
import io.joulebench.reports.html.HtmlPage;
import io.joulebench.reports.html.PageContext;
import io.joulebench.reports.json.ReportJson;
import io.joulebench.reports.model.Chart;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.Table;
import io.joulebench.reports.table.CsvTable;
import io.joulebench.reports.table.LatexTable;
import io.joulebench.reports.table.MarkdownTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Writes a report folder: index.html (self-contained), tables/ID.md|.tex|.csv, charts/ID.svg|.png, emissions.csv
 * and summary.json. The folder appears whole or not at all (built beside it, then renamed into place).
 */
public final class ReportWriter {
    private final int chartWidth;
    private final int chartHeight;

    public ReportWriter() {
        this(ChartExport.WIDTH, ChartExport.HEIGHT);
    }

    public ReportWriter(int chartWidth, int chartHeight) {
        this.chartWidth = chartWidth;
        this.chartHeight = chartHeight;
    }

    /** Writes the report into outDir (replacing an earlier report there) and returns the index.html path. */
    public Path write(Report report, List<EmissionsRow> emissions, Path outDir) throws IOException {
        Path staging = AtomicFolder.staging(outDir);
        try {
            Map<String, String> svgs = new LinkedHashMap<>();
            for (Chart c : report.charts()) {
                JFreeChart chart = Charts.build(c);
                String svg = ChartExport.svg(chart, "c-" + c.id() + "-", chartWidth, chartHeight);
                svgs.put(c.id(), svg);
                AtomicFolder.writeFile(staging.resolve("charts/" + c.id() + ".svg"), utf8(svg));
                AtomicFolder.writeFile(staging.resolve("charts/" + c.id() + ".png"),
                        ChartExport.png(chart, chartWidth, chartHeight));
            }
            for (Table t : report.tables()) {
                AtomicFolder.writeFile(staging.resolve("tables/" + t.id() + ".md"), utf8(MarkdownTable.render(t)));
                AtomicFolder.writeFile(staging.resolve("tables/" + t.id() + ".tex"), utf8(LatexTable.render(t)));
                AtomicFolder.writeFile(staging.resolve("tables/" + t.id() + ".csv"), utf8(CsvTable.render(t)));
            }
            AtomicFolder.writeFile(staging.resolve("emissions.csv"), utf8(EmissionsCsv.write(emissions)));
            AtomicFolder.writeFile(staging.resolve("summary.json"), utf8(ReportJson.write(report)));
            String html = HtmlPage.render(report, new PageContext(svgs, true));
            AtomicFolder.writeFile(staging.resolve("index.html"), utf8(html));
        } catch (IOException | RuntimeException e) {
            AtomicFolder.deleteTree(staging);
            throw e;
        }
        AtomicFolder.commit(staging, outDir);
        return outDir.resolve("index.html");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
