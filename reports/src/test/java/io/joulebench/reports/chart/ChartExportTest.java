package io.joulebench.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.reports.SampleReports;
import io.joulebench.reports.model.Chart;
import io.joulebench.reports.model.ForestPlot;
import io.joulebench.reports.model.LinePlot;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.ScatterPlot;
import io.joulebench.reports.model.StackedBars;
import io.joulebench.reports.model.StripPlot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartExportTest {

    private static List<String> axisLabels(Chart c) {
        if (c instanceof ForestPlot f) {
            return List.of(f.ratioAxis().text());
        } else if (c instanceof ScatterPlot s) {
            return List.of(s.x().text(), s.y().text());
        } else if (c instanceof StripPlot s) {
            return List.of(s.y().text());
        } else if (c instanceof LinePlot l) {
            return List.of(l.x().text(), l.y().text());
        }
        return List.of(((StackedBars) c).y().text());
    }

    @Test
    void everyChartKindRendersWellFormedSvgWithUnitsOnItsAxes() throws Exception {
        Report sample = SampleReports.sample();
        assertEquals(5, sample.charts().stream().map(Object::getClass).distinct().count(), "all five kinds");
        for (Chart c : sample.charts()) {
            JFreeChart chart = Charts.build(c);
            String svg = ChartExport.svg(chart, "p-" + c.id() + "-", 900, 480);
            Document doc = xml(svg);
            List<String> texts = texts(doc);
            for (String label : axisLabels(c)) {
                assertTrue(texts.contains(label), c.id() + " lacks axis label " + label + " in " + texts);
            }
            assertTrue(texts.contains(c.title()), c.id() + " lacks its title");
            NodeList clips = doc.getElementsByTagName("clipPath");
            for (int i = 0; i < clips.getLength(); i++) {
                String id = clips.item(i).getAttributes().getNamedItem("id").getNodeValue();
                assertTrue(id.startsWith("p-" + c.id() + "-"), "clip id not prefixed: " + id);
            }
        }
    }

    @Test
    void hostileNamesStayTextInsideTheSvg() throws Exception {
        Report hostile = SampleReports.hostile();
        for (Chart c : hostile.charts()) {
            String svg = ChartExport.svg(Charts.build(c), "h-", 600, 400);
            assertFalse(svg.contains("<script"), c.id());
            xml(svg); // throws if a name broke the markup
        }
        Chart scatter = hostile.charts().stream().filter(ScatterPlot.class::isInstance).findFirst().orElseThrow();
        List<String> legend = texts(xml(ChartExport.svg(Charts.build(scatter), "h-", 600, 400)));
        assertTrue(legend.stream().anyMatch(t -> t.startsWith("<script>alert(1)</script> \"q\" 'a' & 50%")),
                "the hostile arm name is in the legend as text: " + legend);
    }

    @Test
    void pngDecodesAtTheRequestedSizeAndIsNotBlank() throws Exception {
        Chart c = SampleReports.sample().charts().get(0);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ChartExport.png(Charts.build(c), 640, 360)));
        assertEquals(640, img.getWidth());
        assertEquals(360, img.getHeight());
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 200) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 2000, "blank PNG: " + dark + " dark pixels");
    }

    @Test
    void paletteColoursDifferInGrey() {
        // Neighbouring series must stay apart when printed in grey: luminance differs by at least 10 %.
        for (int i = 0; i < 6; i++) {
            double a = luma(Palette.colour(i));
            double b = luma(Palette.colour(i + 1));
            assertTrue(Math.abs(a - b) > 0.1, "series " + i + " and " + (i + 1) + ": " + a + " vs " + b);
        }
    }

    private static double luma(java.awt.Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    private static Document xml(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
