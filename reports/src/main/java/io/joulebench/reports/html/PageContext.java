package io.joulebench.reports.html;

import java.util.Map;

/**
 * What renderers need beyond the model: each chart's SVG element (rendered once, shared with charts/*.svg), and
 * whether the writer also wrote emissions.csv.
 */
public record PageContext(Map<String, String> svgByChartId, boolean emissionsWritten) {
    public PageContext {
        svgByChartId = Map.copyOf(svgByChartId);
    }
}
