package io.joulebench.reports.chart;

import io.joulebench.reports.model.Point;
import io.joulebench.reports.model.ScatterPlot;
import io.joulebench.reports.model.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Trial points per arm, arm means with interval crosshairs, and the Pareto front as a dashed line. */
final class ScatterChart {
    private ScatterChart() {
    }

    static JFreeChart build(ScatterPlot spec) {
        List<Series> all = new ArrayList<>(spec.trials());
        all.addAll(spec.means());
        Groups groups = new Groups(all);

        XYSeriesCollection trials = new XYSeriesCollection();
        XYLineAndShapeRenderer trialRenderer = new XYLineAndShapeRenderer(false, true);
        // Filled shapes only: an outline per point would double the SVG of a 1 000-trial plot.
        trialRenderer.setDrawOutlines(false);
        for (Series s : spec.trials()) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            s.points().forEach(p -> xy.add(p.x(), p.y()));
            int i = trials.getSeriesCount();
            trials.addSeries(xy);
            int g = groups.index(s.group());
            Color c = Palette.colour(g);
            trialRenderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
            trialRenderer.setSeriesShape(i, Palette.shape(g, 6));
        }

        XYIntervalSeriesCollection means = new XYIntervalSeriesCollection();
        XYErrorRenderer meanRenderer = new XYErrorRenderer();
        meanRenderer.setErrorStroke(new BasicStroke(1.8f));
        meanRenderer.setCapLength(8);
        meanRenderer.setDefaultLinesVisible(false);
        for (Series s : spec.means()) {
            XYIntervalSeries xy = new XYIntervalSeries(s.name() + " mean", false, true);
            for (Point p : s.points()) {
                double xlo = p.xInterval() == null ? p.x() : p.xInterval().lo();
                double xhi = p.xInterval() == null ? p.x() : p.xInterval().hi();
                double ylo = p.yInterval() == null ? p.y() : p.yInterval().lo();
                double yhi = p.yInterval() == null ? p.y() : p.yInterval().hi();
                xy.add(p.x(), xlo, xhi, p.y(), ylo, yhi);
            }
            int i = means.getSeriesCount();
            means.addSeries(xy);
            int g = groups.index(s.group());
            meanRenderer.setSeriesPaint(i, Palette.colour(g));
            meanRenderer.setSeriesShape(i, Palette.shape(g, 11));
            meanRenderer.setSeriesVisibleInLegend(i, false);
        }

        XYPlot plot = new XYPlot(means, Charts.axis(spec.x()), Charts.axis(spec.y()), meanRenderer);
        plot.setDataset(2, trials);
        plot.setRenderer(2, trialRenderer);
        if (spec.pareto() != null) {
            List<Point> points = spec.trials().stream().flatMap(s -> s.points().stream()).toList();
            XYSeries front = new XYSeries("Pareto front", false, true);
            spec.pareto().front(points).forEach(p -> front.add(p.x(), p.y()));
            XYLineAndShapeRenderer frontRenderer = new XYLineAndShapeRenderer(true, false);
            frontRenderer.setSeriesPaint(0, Color.DARK_GRAY);
            frontRenderer.setSeriesStroke(0, Palette.dashed());
            plot.setDataset(1, new XYSeriesCollection(front));
            plot.setRenderer(1, frontRenderer);
        }
        return Charts.finish(spec.title(), plot, true);
    }
}
