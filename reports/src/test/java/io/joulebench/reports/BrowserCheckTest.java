package io.joulebench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the sample report in a real headless Chromium with the network blocked: every request is sent to a local
 * socket that counts it, and names resolve to nothing. The page must render (a screenshot that is not blank),
 * log no uncaught JavaScript error and make no request. A control page proves each detector fires.
 * Skipped, with the reason printed, only where no Chromium binary exists (.ci/run installs one).
 * With -Djoulebench.screenshot=PATH the screenshot is also copied to PATH (docs/report-screenshot-sample.png).
 */
class BrowserCheckTest {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium-headless-shell", "/usr/bin/chromium",
            "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static Path browser;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findBrowser() {
        String configured = System.getProperty("joulebench.chromium", "");
        List<String> candidates = new ArrayList<>(CANDIDATES);
        if (!configured.isBlank()) {
            candidates.add(0, configured);
        }
        browser = candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (browser == null) {
            System.out.println("BrowserCheckTest skipped: no Chromium binary among " + candidates
                    + " (install Debian's chromium-headless-shell, or set -Djoulebench.chromium=PATH)");
        }
        assumeTrue(browser != null, "no Chromium binary among " + candidates);
    }

    @Test
    void theSampleReportRendersWithoutErrorsOrRequests() throws Exception {
        Path index = new ReportWriter().write(SampleReports.sample(), SampleReports.sampleEmissions(),
                tmp.resolve("report"));
        Run run = open(index);
        assertEquals(0, run.exitCode, run.log);
        assertFalse(run.log.contains("Uncaught"), "JavaScript error:\n" + run.log);
        assertFalse(run.log.contains("Content Security Policy"), "a blocked load:\n" + run.log);
        assertEquals(0, run.requests, "requests reached the network:\n" + run.log);
        BufferedImage shot = ImageIO.read(run.screenshot.toFile());
        assertEquals(1200, shot.getWidth());
        Pixels px = Pixels.count(shot);
        assertTrue(px.nonWhite > shot.getWidth() * shot.getHeight() / 50, "screenshot is (nearly) blank: " + px);
        assertTrue(px.coloured > 2000, "no chart colours in the screenshot: " + px);
        String target = System.getProperty("joulebench.screenshot", "");
        if (!target.isBlank()) {
            Files.copy(run.screenshot, Path.of(target), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("BrowserCheckTest: screenshot copied to " + target);
        }
    }

    @Test
    void theDetectorsCatchARequestAndAnError() throws Exception {
        Path page = tmp.resolve("control.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>control</p>"
                + "<img src=\"http://example.invalid/x.png\"><script>throw new Error('boom')</script></body></html>");
        Run run = open(page);
        assertTrue(run.requests > 0, "the request counter saw nothing:\n" + run.log);
        assertTrue(run.log.contains("Uncaught"), "the error was not logged:\n" + run.log);
    }

    private record Run(int exitCode, String log, int requests, Path screenshot) {
    }

    private Run open(Path page) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread counter = new Thread(() -> countConnections(proxy, requests), "browser-check-proxy");
            counter.setDaemon(true);
            counter.start();
            Path shot = tmp.resolve(page.getFileName() + ".png");
            Path log = tmp.resolve(page.getFileName() + ".log");
            List<String> cmd = List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--user-data-dir=" + tmp.resolve("profile-" + page.getFileName()),
                    "--proxy-server=127.0.0.1:" + proxy.getLocalPort(), "--proxy-bypass-list=<-loopback>",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--enable-logging=stderr", "--v=0",
                    "--hide-scrollbars", "--window-size=1200,3000", "--screenshot=" + shot,
                    page.toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("Chromium did not finish in 90 s:\n" + Files.readString(log));
            }
            // Give the counter a moment to accept a connection still in the backlog.
            Thread.sleep(200);
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), requests.get(), shot);
        }
    }

    private static void countConnections(ServerSocket proxy, AtomicInteger requests) {
        while (!proxy.isClosed()) {
            try (Socket s = proxy.accept()) {
                requests.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private record Pixels(long nonWhite, long coloured) {
        static Pixels count(BufferedImage img) {
            long nonWhite = 0;
            long coloured = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (r < 245 || g < 245 || b < 245) {
                        nonWhite++;
                    }
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                        coloured++;
                    }
                }
            }
            return new Pixels(nonWhite, coloured);
        }
    }
}
