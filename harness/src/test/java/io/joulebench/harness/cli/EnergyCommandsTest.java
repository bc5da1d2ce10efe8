package io.joulebench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EnergyCommandsTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = JouleBenchCommand.commandLine(System.getenv());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private void zone(String dir, String name, long energy) throws Exception {
        Path d = Files.createDirectories(tmp.resolve("powercap").resolve(dir));
        Files.writeString(d.resolve("name"), name + "\n");
        Files.writeString(d.resolve("max_energy_range_uj"), "262143328850\n");
        Files.writeString(d.resolve("energy_uj"), energy + "\n");
    }

    @Test
    void sensorsExplainsEveryProviderAndHonoursPowercapRoot() throws Exception {
        zone("intel-rapl:0", "package-0", 1000);
        zone("intel-rapl:0:0", "dram", 1000);
        Run r = run("sensors", "--powercap-root", tmp.resolve("powercap").toString(),
                "--nvml-library", tmp.resolve("no-such-libnvidia-ml.so").toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains("nvml   priority 300  UNAVAILABLE (LIBRARY_MISSING)"), r.out());
        assertTrue(r.out().contains("rapl   priority 200  AVAILABLE"), r.out());
        assertTrue(r.out().contains("superseded by a higher-priority provider"), "model loses to RAPL: " + r.out());
    }

    @Test
    void measurePassesTheExitCodeThroughAndWritesJsonAndTrace() throws Exception {
        Path json = tmp.resolve("m.json");
        Path trace = tmp.resolve("m.csv");
        zone("intel-rapl:0", "package-0", 1000); // an explicit --powercap-root must work (it never falls back)
        Run r = run("measure", "--interval", "20ms", "--region", "POL", "--pue", "1.2", "--json", json.toString(),
                "--trace", trace.toString(), "--powercap-root", tmp.resolve("powercap").toString(), "--", "sh", "-c",
                "exit 3");
        assertEquals(3, r.code(), r.out() + r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, root.get("exitCode").asInt());
        assertTrue(root.get("windowSeconds").asDouble() > 0);
        JsonNode first = root.get("domains").get(0);
        for (String f : new String[] {"domain", "joules", "method", "quality", "samples", "idleJoules", "netJoules"}) {
            assertTrue(first.has(f), f + " missing in " + first);
        }
        assertEquals("POL", root.get("carbon").get("region").asText());
        assertEquals(1.2, root.get("carbon").get("pue").asDouble(), 1e-12);
        assertTrue(Files.readString(trace).startsWith("domain,method,t_seconds,watts,cumulative_joules"));
    }

    @Test
    void measureScopeProcessReportsTheCommandsAttributedShareBesideTheMachineFigure() throws Exception {
        Path json = tmp.resolve("p.json");
        Run r = run("measure", "--scope", "process", "--interval", "50ms", "--json", json.toString(), "--", "sh", "-c",
                "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("scope: process"), r.out());
        assertTrue(r.out().contains("ATTRIBUTED"), r.out());
        assertTrue(r.out().contains("carbon (scope process)"), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("process", root.get("scope").asText());
        JsonNode attributed = root.get("attributed");
        assertTrue(attributed.size() >= 1, root.toString());
        for (JsonNode a : attributed) {
            assertTrue(a.get("tree").asText().startsWith("children of pid "), a.toString());
            assertTrue(a.get("joules").isNumber(), "a figure, labelled by its basis: " + a);
            double machine = root.get("domains").findValues("domain").stream().map(JsonNode::asText).toList()
                    .contains(a.get("domain").asText()) ? a.get("machineJoules").asDouble() : Double.NaN;
            assertTrue(a.get("joules").asDouble() <= machine + 1e-9, "attributed above the machine figure: " + a);
            assertTrue(a.get("joules").asDouble() > 0, "the busy loop used CPU time: " + a);
        }
        assertEquals(root.get("attributedTotalJoules").asDouble(), root.get("carbon").get("energyJoules").asDouble(),
                1e-9, "carbon uses the attributed total under --scope process");
    }

    @Test
    void measureSaysTheDefaultScopeIsTheMachine() throws Exception {
        Path json = tmp.resolve("m.json");
        Run r = run("measure", "--interval", "50ms", "--json", json.toString(), "--", "true");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("scope: machine (default)"), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("machine", root.get("scope").asText());
        assertEquals(root.get("totalJoules").asDouble(), root.get("carbon").get("energyJoules").asDouble(), 1e-9);
    }

    @Test
    void energyReportWithPhasesSerialisesWithPlainJackson() throws Exception {
        var options = new io.joulebench.energy.meter.MeterOptions(java.time.Duration.ZERO,
                io.joulebench.energy.SensorOptions.defaults(), java.util.Set.of("model"));
        try (var meter = io.joulebench.energy.meter.EnergyMeter.open(options)) {
            var session = meter.start();
            session.mark("epoch-1");
            Thread.sleep(20);
            session.sample();
            session.mark("epoch-2");
            Thread.sleep(20);
            var report = session.stop();
            JsonNode n = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));
            assertEquals("epoch-1", n.get("phases").get(1).get("phase").asText());
            assertEquals("MODELLED", n.get("phases").get(1).get("domains").get(0).get("method").asText());
            assertTrue(n.get("domains").get(0).get("uncertaintyJoules").isNumber());
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Run r = run("measure", "--region", "XXX", "--", "true");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("joulebench measure: unknown region 'XXX'"), r.err());
        assertEquals(2, run("measure", "--pue", "0.5", "--", "true").code());
        assertEquals(2, run("measure", "--", "no-such-command-joulebench").code());
    }
}
