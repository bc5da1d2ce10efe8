package io.joulebench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.joulebench.harness.data.ArchiveFile;
import io.joulebench.harness.data.DatasetCatalog;
import io.joulebench.harness.data.DatasetEntry;
import io.joulebench.harness.data.DatasetFetcher;
import io.joulebench.harness.data.Downloader;
import io.joulebench.harness.data.Sha256;
import io.joulebench.harness.data.Unpack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code joulebench data fetch}: exit codes and one-line errors, with an injected catalog and no real network. */
@Timeout(30)
class DataCommandTest {

    @TempDir
    Path tmp;

    private final byte[] content = "fake idx content".getBytes(StandardCharsets.UTF_8);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        ArchiveFile file = new ArchiveFile("labels.gz", content.length, Sha256.of(content),
                List.of(URI.create("http://127.0.0.1:9/official/")));
        DatasetCatalog catalog = new DatasetCatalog(List.of(
                new DatasetEntry("fake", "test", List.of(file), new Unpack.Keep(), "computed by the test")));
        Downloader downloader = new Downloader(Downloader.defaultClient(Duration.ofSeconds(5)), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1, Duration.ZERO);
        CommandLine cl = CliErrors.install(new CommandLine(new DataCommand(() -> new DatasetFetcher(catalog, downloader), env::get,
                tmp.resolve("home"))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private void assertOneLineError(String... fragments) {
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("joulebench data fetch: "), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
        for (String f : fragments) {
            assertTrue(e.contains(f), "'" + f + "' missing in: " + e);
        }
    }

    @Test
    void isRegisteredOnTheTopLevelCommand() {
        assertTrue(new CommandLine(new JouleBenchCommand()).getSubcommands().get("data").getSubcommands()
                .containsKey("fetch"));
    }

    @Test
    void unknownDatasetIsAUsageErrorListingTheKnownOnes() {
        assertEquals(2, run("fetch", "imagenet"));
        assertOneLineError("unknown dataset 'imagenet'", "known datasets: fake");
    }

    @Test
    void missingNameIsAUsageError() {
        assertEquals(2, run("fetch"));
        assertTrue(err.toString().contains("NAME"), err.toString());
    }

    @Test
    void mirrorMustBeHttp() {
        assertEquals(2, run("fetch", "fake", "--mirror", "ftp://example.org/x/", "--data-dir", tmp.toString()));
        assertOneLineError("--mirror", "--from DIR");
    }

    @Test
    void mirrorAndFromExcludeEachOther() {
        assertEquals(2, run("fetch", "fake", "--mirror", "http://127.0.0.1/", "--from", tmp.toString()));
        assertOneLineError("exclude each other");
    }

    @Test
    void fetchesFromALocalFolderIntoTheDataDir() throws Exception {
        Path hand = Files.createDirectories(tmp.resolve("hand"));
        Files.write(hand.resolve("labels.gz"), content);
        Path data = tmp.resolve("data");

        assertEquals(0, run("fetch", "fake", "--from", hand.toString(), "--data-dir", data.toString()), err.toString());

        assertEquals("fake idx content", Files.readString(data.resolve("fake/labels.gz")));
        assertTrue(out.toString().contains("copied") && out.toString().contains(Sha256.of(content)), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void dataDirComesFromTheEnvironmentWhenNotGiven() throws Exception {
        Path hand = Files.createDirectories(tmp.resolve("hand"));
        Files.write(hand.resolve("labels.gz"), content);
        Path envData = tmp.resolve("env-data");

        assertEquals(0, run(Map.of("JOULEBENCH_DATA", envData.toString()), "fetch", "fake", "--from",
                hand.toString()), err.toString());
        assertTrue(Files.exists(envData.resolve("fake/labels.gz")));

        out.getBuffer().setLength(0);
        assertEquals(0, run(Map.of(), "fetch", "fake", "--from", hand.toString()), err.toString());
        assertTrue(Files.exists(tmp.resolve("home/.joulebench/data/fake/labels.gz")));
    }

    @Test
    void http404IsOneLineAndExitCode1() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror";
            assertEquals(3, run("fetch", "fake", "--mirror", mirror, "--data-dir", tmp.resolve("d").toString()));
            assertOneLineError("labels.gz", "HTTP 404", mirror + "/labels.gz");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void wrongFileIsOneLineAndExitCode1() throws Exception {
        Path hand = Files.createDirectories(tmp.resolve("hand"));
        Files.writeString(hand.resolve("labels.gz"), "something else entirely");
        assertEquals(3, run("fetch", "fake", "--from", hand.toString(), "--data-dir", tmp.resolve("d").toString()));
        assertOneLineError("SHA-256 mismatch", Sha256.of(content));
    }

    @Test
    void dataWithoutSubcommandIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("data fetch NAME"), err.toString());
    }
}
