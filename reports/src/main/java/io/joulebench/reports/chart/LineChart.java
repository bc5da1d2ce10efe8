package io.joulebench.reports.chart;

import io.joulebench.reports.model.LinePlot;
import io.joulebench.reports.model.Marker;
import io.joulebench.reports.model.Series;
import java.awt.BasicStroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Lines over x with optional vertical marks (epochs), horizontal levels (idle) and a shaded window. */
final class LineChart {
    // Beyond this many vertical marks their labels would overprint each other; the lines alone remain.
    private static final int MAX_LABELLED_MARKS = 12;

    private LineChart() {
    }

    static JFreeChart build(LinePlot spec) {
        Groups groups = new Groups(spec.lines());
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // One path per series keeps the SVG small for traces of thousands of points.
        renderer.setDrawSeriesLineAsPath(true);
        java.util.Set<String> inLegend = new java.util.HashSet<>();
        for (Series s : spec.lines()) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            s.points().forEach(p -> xy.add(p.x(), p.y()));
            int i = data.getSeriesCount();
            data.addSeries(xy);
            int g = groups.index(s.group());
            renderer.setSeriesPaint(i, Palette.colour(g));
            renderer.setSeriesStroke(i, Palette.line(g));
            // Several series of one group (trials of one arm) share one legend entry.
            renderer.setSeriesVisibleInLegend(i, inLegend.add(s.group()));
        }
        XYPlot plot = new XYPlot(data, Charts.axis(spec.x()), Charts.axis(spec.y()), renderer);
        if (spec.shadedX() != null) {
            IntervalMarker window = new IntervalMarker(spec.shadedX().lo(), spec.shadedX().hi());
            window.setPaint(Palette.WINDOW);
            if (spec.shadedLabel() != null) {
                window.setLabel(spec.shadedLabel());
                window.setLabelFont(Charts.TICK);
                window.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                window.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(window, Layer.BACKGROUND);
        }
        boolean label = spec.xMarkers().size() <= MAX_LABELLED_MARKS;
        for (Marker m : spec.xMarkers()) {
            ValueMarker vm = new ValueMarker(m.value(), Palette.MARKER, new BasicStroke(0.8f));
            if (label) {
                vm.setLabel(m.label());
                vm.setLabelFont(Charts.TICK);
                vm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                vm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(vm, Layer.BACKGROUND);
        }
        for (Marker m : spec.yMarkers()) {
            ValueMarker vm = new ValueMarker(m.value(), Palette.MARKER, Palette.dashed());
            vm.setLabel(m.label());
            vm.setLabelFont(Charts.TICK);
            vm.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            vm.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(vm, Layer.FOREGROUND);
        }
        return Charts.finish(spec.title(), plot, !spec.lines().isEmpty());
    }
}
