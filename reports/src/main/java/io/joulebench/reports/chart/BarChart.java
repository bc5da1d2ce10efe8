package io.joulebench.reports.chart;

import io.joulebench.reports.model.BarStack;
import io.joulebench.reports.model.Obtained;
import io.joulebench.reports.model.StackedBars;
import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Stacked bars per category; a null value draws nothing (never a 0 that looks measured). */
final class BarChart {
    private BarChart() {
    }

    static JFreeChart build(StackedBars spec) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BarStack s : spec.stacks()) {
            String name = s.name() + (s.obtained() == Obtained.MODELLED ? " †" : "");
            for (int c = 0; c < spec.categories().size(); c++) {
                data.addValue(s.values().get(c), name, spec.categories().get(c));
            }
        }
        CategoryAxis x = new CategoryAxis(spec.categoryLabel());
        x.setLabelFont(Charts.LABEL);
        x.setTickLabelFont(Charts.TICK);
        NumberAxis y = (NumberAxis) Charts.axis(spec.y());
        y.setAutoRangeIncludesZero(true);
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setMaximumBarWidth(0.12);
        for (int s = 0; s < spec.stacks().size(); s++) {
            renderer.setSeriesPaint(s, Palette.colour(s));
            renderer.setSeriesOutlinePaint(s, Color.BLACK);
            renderer.setSeriesOutlineStroke(s, new BasicStroke(0.6f));
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        return Charts.finish(spec.title(), plot, true);
    }
}
