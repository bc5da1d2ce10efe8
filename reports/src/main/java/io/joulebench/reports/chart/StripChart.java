package io.joulebench.reports.chart;

import io.joulebench.reports.model.Point;
import io.joulebench.reports.model.Series;
import io.joulebench.reports.model.StripPlot;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Strip plot: each arm's raw trial values, spread sideways by a fixed jitter, with the mean as a bar. */
final class StripChart {
    private static final double GOLDEN = 0.6180339887498949;

    private StripChart() {
    }

    static JFreeChart build(StripPlot spec) {
        String[] names = spec.arms().stream().map(Series::name).toArray(String[]::new);
        XYSeriesCollection raw = new XYSeriesCollection();
        XYSeriesCollection means = new XYSeriesCollection();
        XYLineAndShapeRenderer rawRenderer = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer meanRenderer = new XYLineAndShapeRenderer(false, true);
        rawRenderer.setDrawOutlines(false);
        meanRenderer.setDrawOutlines(false);
        for (int a = 0; a < spec.arms().size(); a++) {
            Series s = spec.arms().get(a);
            XYSeries pts = new XYSeries(s.name(), false, true);
            double sum = 0;
            for (int k = 0; k < s.points().size(); k++) {
                Point p = s.points().get(k);
                // Deterministic low-discrepancy jitter: the same data always draws the same picture.
                double jitter = ((k * GOLDEN) % 1.0 - 0.5) * 0.5;
                pts.add(a + jitter, p.y());
                sum += p.y();
            }
            raw.addSeries(pts);
            Color c = Palette.colour(a);
            rawRenderer.setSeriesPaint(a, new Color(c.getRed(), c.getGreen(), c.getBlue(), 160));
            rawRenderer.setSeriesShape(a, Palette.shape(a, 6));
            XYSeries mean = new XYSeries(s.name() + " mean", false, true);
            if (!s.points().isEmpty()) {
                mean.add(a, sum / s.points().size());
            }
            means.addSeries(mean);
            meanRenderer.setSeriesPaint(a, Color.BLACK);
            meanRenderer.setSeriesShape(a, new Rectangle2D.Double(-18, -1.5, 36, 3));
            meanRenderer.setSeriesVisibleInLegend(a, false);
        }
        SymbolAxis x = new SymbolAxis("Arm", names);
        x.setLabelFont(Charts.LABEL);
        x.setTickLabelFont(Charts.TICK);
        x.setGridBandsVisible(false);
        x.setRange(-0.6, Math.max(names.length, 1) - 0.4);
        XYPlot plot = new XYPlot(means, x, Charts.axis(spec.y()), meanRenderer);
        plot.setDataset(1, raw);
        plot.setRenderer(1, rawRenderer);
        return Charts.finish(spec.title(), plot, false);
    }
}
