package io.joulebench.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Okabe-Ito colours (safe for the common colour-vision deficiencies), ordered so neighbours differ in lightness,
 * each paired with a distinct shape and dash so series stay apart in grey print too.
 */
public final class Palette {
    private static final Color[] COLOURS = {
        new Color(0x00, 0x72, 0xB2), // blue, luminance 0.36
        new Color(0xE6, 0x9F, 0x00), // orange, 0.64
        new Color(0x00, 0x00, 0x00), // black, 0
        new Color(0x56, 0xB4, 0xE9), // sky blue, 0.62
        new Color(0x00, 0x9E, 0x73), // bluish green, 0.42
        new Color(0xCC, 0x79, 0xA7), // reddish purple, 0.59
        new Color(0xD5, 0x5E, 0x00), // vermillion, 0.47
        new Color(0xF0, 0xE4, 0x42), // yellow, 0.85 (last: faint on white)
    };
    private static final float[][] DASHES = {
        null, {6f, 3f}, {2f, 2f}, {8f, 3f, 2f, 3f}, {1f, 3f}, {10f, 4f}, {4f, 2f, 1f, 2f}, {3f, 5f},
    };
    public static final Color NOISE_BAND = new Color(0x99, 0x99, 0x99, 70);
    public static final Color WINDOW = new Color(0x56, 0xB4, 0xE9, 40);
    public static final Color MARKER = new Color(0x55, 0x55, 0x55);

    private Palette() {
    }

    public static Color colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    public static Stroke line(int i) {
        float[] dash = DASHES[Math.floorMod(i, DASHES.length)];
        return dash == null ? new BasicStroke(1.6f)
                : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    public static Stroke dashed() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
    }

    public static Shape shape(int i, double size) {
        double h = size / 2;
        return switch (Math.floorMod(i, 6)) {
            case 0 -> new Ellipse2D.Double(-h, -h, size, size);
            case 1 -> new Rectangle2D.Double(-h, -h, size, size);
            case 2 -> polygon(new double[] {0, h, -h}, new double[] {-h, h, h});
            case 3 -> polygon(new double[] {0, h, 0, -h}, new double[] {-h, 0, h, 0});
            case 4 -> polygon(new double[] {-h, h, 0}, new double[] {-h, -h, h});
            default -> cross(h);
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        return p;
    }

    private static Shape cross(double h) {
        double t = h / 3;
        return polygon(new double[] {-t, t, t, h, h, t, t, -t, -t, -h, -h, -t},
                new double[] {-h, -h, -t, -t, t, t, h, h, t, t, -t, -t});
    }
}
