package io.joulebench.reports.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.jfree.svg.util.DoubleConverter;

/** Writes a chart as an SVG element (through SVGGraphics2D: ExportUtils fails with JFreeSVG 5) or as PNG bytes. */
public final class ChartExport {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;

    static {
        // Charts render on servers and in CI: never open a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // Rotated labels (the y axis) as real text rather than glyph outlines: searchable, smaller SVG. The
        // workaround it disables was for JDKs long gone; this is JFreeChart-global, and reports own the charts.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartExport() {
    }

    /**
     * The chart as an {@code <svg>} element, fit for inlining in HTML: its defs ids are prefixed with idPrefix so
     * several charts on one page never share a clip path id, and a viewBox lets CSS scale it.
     */
    public static String svg(JFreeChart chart, String idPrefix, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(idPrefix);
        // Two decimals are plenty at this size and keep large traces small.
        g2.setGeomDoubleConverter(new DoubleConverter(2));
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(idPrefix + "svg", true, new ViewBox(0, 0, width, height), null, null);
    }

    public static byte[] png(JFreeChart chart, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
    }
}
