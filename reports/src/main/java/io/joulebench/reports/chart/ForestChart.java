package io.joulebench.reports.chart;

import io.joulebench.reports.model.ForestPlot;
import io.joulebench.reports.model.ForestRow;
import io.joulebench.reports.model.Obtained;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** Forest plot: one row per (arm, metric), the ratio as a point with whiskers, on a log axis. */
final class ForestChart {
    private ForestChart() {
    }

    static JFreeChart build(ForestPlot spec) {
        List<ForestRow> rows = spec.rows();
        String[] labels = new String[rows.size()];
        Map<String, XYIntervalSeries> byMetric = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ForestRow r = rows.get(i);
            int y = rows.size() - 1 - i; // first row at the top
            labels[y] = r.label() + " · " + r.metric() + (r.obtained() == Obtained.MODELLED ? " †" : "");
            double lo = r.interval() == null ? r.ratio() : r.interval().lo();
            double hi = r.interval() == null ? r.ratio() : r.interval().hi();
            byMetric.computeIfAbsent(r.metric(), m -> new XYIntervalSeries(m, false, true))
                    .add(r.ratio(), lo, hi, y, y, y);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        byMetric.values().forEach(data::addSeries);

        ValueAxis x = Charts.axis(spec.ratioAxis());
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setTickLabelFont(Charts.TICK);
        y.setGridBandsVisible(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new java.awt.BasicStroke(1.4f));
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, Palette.colour(s));
            renderer.setSeriesShape(s, Palette.shape(s, 8));
        }
        renderer.setDefaultLinesVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (spec.noiseBand() != null) {
            IntervalMarker band = new IntervalMarker(spec.noiseBand().lo(), spec.noiseBand().hi());
            band.setPaint(Palette.NOISE_BAND);
            band.setLabel("noise band");
            band.setLabelFont(Charts.TICK);
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
        ValueMarker one = new ValueMarker(1.0, Palette.MARKER, Palette.dashed());
        plot.addDomainMarker(one, Layer.BACKGROUND);
        return Charts.finish(spec.title(), plot, data.getSeriesCount() > 1);
    }
}
