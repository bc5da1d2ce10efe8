package io.joulebench.reports.chart;

import io.joulebench.reports.model.Axis;
import io.joulebench.reports.model.Chart;
import io.joulebench.reports.model.ForestPlot;
import io.joulebench.reports.model.LinePlot;
import io.joulebench.reports.model.ScatterPlot;
import io.joulebench.reports.model.StackedBars;
import io.joulebench.reports.model.StripPlot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/** Builds a JFreeChart for any chart spec of the view model, in one house style. */
public final class Charts {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {
    }

    public static JFreeChart build(Chart chart) {
        // Java 17 has no pattern switch; the sealed Chart keeps this list complete.
        if (chart instanceof ForestPlot f) {
            return ForestChart.build(f);
        } else if (chart instanceof ScatterPlot s) {
            return ScatterChart.build(s);
        } else if (chart instanceof StripPlot s) {
            return StripChart.build(s);
        } else if (chart instanceof LinePlot l) {
            return LineChart.build(l);
        } else if (chart instanceof StackedBars b) {
            return BarChart.build(b);
        }
        throw new IllegalArgumentException("unknown chart kind: " + chart.getClass());
    }

    static ValueAxis axis(Axis a) {
        ValueAxis axis;
        if (a.log()) {
            LogAxis log = new LogAxis(a.text());
            log.setSmallestValue(1e-9);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.###",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            axis = log;
        } else {
            NumberAxis num = new NumberAxis(a.text());
            num.setAutoRangeIncludesZero(false);
            num.setNumberFormatOverride(new java.text.DecimalFormat("0.###",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            axis = num;
        }
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        return axis;
    }

    static JFreeChart finish(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, TITLE, plot, legend);
        chart.setTitle(new TextTitle(title, TITLE));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.setDomainGridlineStroke(new BasicStroke(0.5f));
            xy.setRangeGridlineStroke(new BasicStroke(0.5f));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK);
        }
        return chart;
    }
}
