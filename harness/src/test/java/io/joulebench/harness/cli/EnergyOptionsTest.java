package io.joulebench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Explicit options are errors when they fail (never a silent fallback); bad carbon input is one line. */
class EnergyOptionsTest {

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

    @Test
    void explicitPowercapRootThatFailsIsAnErrorNotTheModel() {
        Path missing = tmp.resolve("no-powercap");
        Run r = run("measure", "--idle", "0s", "--powercap-root", missing.toString(), "--", "true");
        assertEquals(CliErrors.ENERGY, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("joulebench measure: --powercap-root " + missing + ": rapl unavailable: no "
                + "powercap directory"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void explicitNvmlLibraryThatFailsIsAnErrorNotTheModel() {
        Path missing = tmp.resolve("libnvidia-ml.so.1");
        Run r = run("measure", "--idle", "0s", "--nvml-library", missing.toString(), "--", "true");
        assertEquals(CliErrors.ENERGY, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("joulebench measure: --nvml-library " + missing + ": nvml unavailable: NVML "
                + "library not found"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void absurdPueIsRefusedInOneLine() {
        Run r = run("measure", "--pue", "1e308", "--", "true");
        assertEquals(2, r.code());
        assertEquals("joulebench measure: PUE 1.0E308 is outside [1.0, 3.0]: give the facility's power usage "
                + "effectiveness (--pue; 1.0 = no overhead, typical data centres 1.1-2.0)", r.err().strip());
    }

    @Test
    void intensityCsvWithoutHeaderKeepsItsFirstRow() throws Exception {
        Path csv = Files.writeString(tmp.resolve("ci.csv"), "2024-01-01T00:00:00Z,100\n");
        EnergyOptions o = new EnergyOptions();
        new CommandLine(o).parseArgs("--intensity", csv.toString());
        assertEquals(1, o.carbon().series().points().size(), "a one-row headerless series is not empty");
    }

    @Test
    void sensorsSaysAnExplicitLocationWillNotFallBack() {
        Path missing = tmp.resolve("libnvidia-ml.so.1");
        Run r = run("sensors", "--nvml-library", missing.toString());
        assertEquals(0, r.code(), "sensors reports; it does not refuse");
        assertTrue(r.out().contains("set explicitly by --nvml-library " + missing + ": measure and run refuse to "
                + "start rather than fall back"), r.out());
    }

    @Test
    void scopeDefaultsToMachineAndAForkedTrialGetsTheScopeAsked() {
        CommandLine.ParseResult asked = new CommandLine(new MeteringArgs.Holder())
                .setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--scope", "process", "--region", "POL");
        MeteringArgs args = MeteringArgs.merge(asked, java.util.Map.of());
        java.util.List<String> trial = args.forTrial();
        assertEquals("process", trial.get(trial.indexOf("--scope") + 1).toLowerCase(java.util.Locale.ROOT), trial
                .toString());
        assertEquals(io.joulebench.harness.trial.EnergyScope.PROCESS, args.options().energy.scope());
        CommandLine.ParseResult plain = new CommandLine(new MeteringArgs.Holder()).parseArgs();
        assertEquals(io.joulebench.harness.trial.EnergyScope.MACHINE,
                MeteringArgs.merge(plain, java.util.Map.of()).options().energy.scope());
    }
}
