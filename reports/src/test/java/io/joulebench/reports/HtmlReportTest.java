package io.joulebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.SectionKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written page, parsed as a browser would: structure, escaping, and no reference to the network. */
class HtmlReportTest {
    @TempDir
    static Path tmp;
    static Path sampleDir;
    static Path hostileDir;
    static Report sample;

    @BeforeAll
    static void write() throws Exception {
        sample = SampleReports.sample();
        sampleDir = tmp.resolve("sample");
        hostileDir = tmp.resolve("hostile");
        new ReportWriter().write(sample, SampleReports.sampleEmissions(), sampleDir);
        new ReportWriter().write(SampleReports.hostile(), List.of(), hostileDir);
    }

    private static Document parse(Path dir) throws Exception {
        return Jsoup.parse(Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8));
    }

    @Test
    void sectionsAppearInTheSpecsOrderWithIds() throws Exception {
        Elements sections = parse(sampleDir).select("main > section");
        List<String> ids = sections.stream().map(Element::id).toList();
        assertEquals(Arrays.stream(SectionKind.values()).map(SectionKind::id).toList(), ids);
        for (Element s : sections) {
            assertFalse(s.select("h2").text().isBlank(), s.id());
        }
    }

    @Test
    void everyChartIsInlinedAsSvgAndWrittenAsFiles() throws Exception {
        Document doc = parse(sampleDir);
        Elements figures = doc.select("figure.chart");
        assertEquals(sample.charts().size(), figures.size());
        assertEquals(11, figures.size(), "the sample has 11 charts");
        for (Element f : figures) {
            assertEquals(1, f.select("svg").size(), f.id());
            String id = f.id().substring("chart-".length());
            assertTrue(Files.size(sampleDir.resolve("charts/" + id + ".svg")) > 1000, id);
            assertTrue(Files.size(sampleDir.resolve("charts/" + id + ".png")) > 1000, id);
        }
        // Clip-path ids must be unique across inlined charts, or one chart would clip to another's rectangle.
        List<String> defIds = doc.select("svg [id]").eachAttr("id");
        assertEquals(defIds.size(), defIds.stream().distinct().count(), "duplicate ids inside inlined SVGs");
    }

    @Test
    void tablesFilesAndDownloadsAreThere() throws Exception {
        Document doc = parse(sampleDir);
        for (var t : sample.tables()) {
            assertEquals(1, doc.select("table#table-" + t.id()).size(), t.id());
            for (String ext : List.of("md", "tex", "csv")) {
                assertTrue(Files.exists(sampleDir.resolve("tables/" + t.id() + "." + ext)));
                assertEquals(1, doc.select("#downloads a[href=tables/" + t.id() + "." + ext + "]").size());
            }
        }
        assertTrue(Files.exists(sampleDir.resolve("emissions.csv")));
        assertEquals(1, doc.select("#downloads a[href=emissions.csv]").size());
        assertEquals(1, doc.select("#downloads a[href=summary.json]").size());
    }

    @Test
    void missingValuesAreNaWithTheirReasonAndModelledOnesAreMarked() throws Exception {
        Document doc = parse(sampleDir);
        Elements na = doc.select("#table-headline td.na");
        assertEquals(1, na.size(), "the baseline's own ratio");
        assertTrue(na.first().text().startsWith("n/a"));
        assertEquals("n/a: baseline arm", na.first().attr("title"));
        assertTrue(doc.select("div.table-wrap:has(#table-headline) + ul.footnotes li").eachText().contains("[1] n/a: baseline arm"));
        Elements modelled = doc.select("#table-headline td.modelled");
        assertFalse(modelled.isEmpty());
        modelled.forEach(td -> assertTrue(td.text().endsWith("†"), td.text()));
        assertEquals(3, doc.select("#provenance li.badge").size());
        assertEquals(1, doc.select("#provenance li.badge.unavailable").size());
        assertTrue(doc.select("#provenance li.badge.unavailable").text().contains("libnvidia-ml.so.1 not found"));
        assertTrue(doc.select("#provenance dd").text().contains("n/a (none detected)"));
    }

    @Test
    void hostileNamesAreTextNotMarkup() throws Exception {
        Document doc = parse(hostileDir);
        // Only our two script elements: the JSON block and the copy-button script.
        Elements scripts = doc.select("script");
        assertEquals(2, scripts.size());
        assertEquals("application/json", scripts.get(0).attr("type"));
        assertEquals(SampleReports.HOSTILE.replaceAll("\\s+", " ").trim(), doc.title());
        assertEquals(SampleReports.HOSTILE.replaceAll("\\s+", " ").trim(), doc.select("h1").text());
        assertTrue(doc.select("#table-headline td").eachText().stream().anyMatch(t -> t.contains("<script>alert(1)")),
                "the hostile arm name shows as text");
        // The embedded JSON parses and round-trips the name exactly, </script> and all.
        JsonNode json = new ObjectMapper().readTree(scripts.get(0).data());
        assertEquals(SampleReports.HOSTILE, json.get("title").asText());
        JsonNode summary = new ObjectMapper().readTree(hostileDir.resolve("summary.json").toFile());
        assertEquals(json, summary);
        String html = Files.readString(hostileDir.resolve("index.html"));
        assertEquals(1, count(html, "</script>\n<script>"), "the JSON block ends exactly once, where it should");
        int at = html.indexOf("<script>alert");
        assertEquals(-1, at, () -> "raw hostile markup: " + html.substring(Math.max(0, at - 200), at + 40));
    }

    @Test
    void noReferenceToTheNetwork() throws Exception {
        for (Path dir : List.of(sampleDir, hostileDir)) {
            Document doc = parse(dir);
            List<String> bad = new ArrayList<>();
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    String key = a.getKey().toLowerCase(java.util.Locale.ROOT);
                    boolean ref = key.equals("src") || key.endsWith("href") || key.equals("action")
                            || key.equals("poster") || key.equals("srcset");
                    if (ref && isNetwork(a.getValue())) {
                        bad.add(e.tagName() + " " + key + "=" + a.getValue());
                    }
                    for (String url : cssUrls(a.getValue())) {
                        if (isNetwork(url)) {
                            bad.add(e.tagName() + " " + key + " url(" + url + ")");
                        }
                    }
                }
            }
            for (Element style : doc.select("style")) {
                cssUrls(style.data()).stream().filter(HtmlReportTest::isNetwork).forEach(u -> bad.add("style url(" + u + ")"));
                assertFalse(style.data().contains("@import"), "no @import");
                assertFalse(style.data().contains("@font-face"), "system fonts only");
            }
            assertEquals(List.of(), bad, dir.toString());
            assertTrue(doc.select("script[src], link[href], iframe, img[src], object, embed").isEmpty());
        }
    }

    @Test
    void theNetworkCheckCatchesWhatItShould() {
        assertTrue(isNetwork("http://example.com/x.css"));
        assertTrue(isNetwork("HTTPS://cdn.example/x.js"));
        assertTrue(isNetwork("//cdn.example/x.js"));
        assertTrue(isNetwork(" \thttp://x"));
        assertFalse(isNetwork("charts/a.svg"));
        assertFalse(isNetwork("#provenance"));
        assertEquals(List.of("//fonts.example/f.woff", "#clip"), cssUrls("a{src:url('//fonts.example/f.woff')} url(#clip)"));
    }

    static boolean isNetwork(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//") || v.startsWith("ftp:")
                || v.startsWith("ws:") || v.startsWith("wss:");
    }

    static List<String> cssUrls(String text) {
        Matcher m = Pattern.compile("url\\(\\s*['\"]?([^'\")]*)['\"]?\\s*\\)").matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
