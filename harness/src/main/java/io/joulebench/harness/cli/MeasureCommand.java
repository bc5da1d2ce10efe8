package io.joulebench.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.joulebench.energy.EnergyException;
import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.host.HostFacts;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.IdleBaseline;
import io.joulebench.energy.meter.MeteringSession;
import io.joulebench.energy.meter.PowerTrace;
import io.joulebench.harness.trial.CarbonSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code joulebench measure [options] -- COMMAND ARGS...}: meters any command, passes its exit code through,
 * prints a summary, and writes JSON and a power-trace CSV on request.
 */
@Command(name = "measure", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Meter the energy of any command (GPU via NVML, CPU/DRAM via RAPL, else MODELLED) and its "
                + "carbon. Exit code: the command's; 2 for bad options.")
public final class MeasureCommand implements Callable<Integer> {

    @Option(names = "--idle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "measure idle power for this long before the command; report idle and net energy")
    Duration idle;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON")
    Path json;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the power trace as CSV")
    Path trace;

    @Mixin
    EnergyOptions energy;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "the command to meter (after --)")
    List<String> command;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("joulebench measure: " + message);
        err.flush();
        return 2;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Validate everything before running anything.
        CarbonSettings carbonSettings;
        try {
            carbonSettings = energy.carbon();
        } catch (EnergyException e) {
            return fail(e.getMessage());
        }
        for (Path p : new Path[] {json, trace}) {
            if (p != null && p.toAbsolutePath().getParent() != null && !Files.isDirectory(p.toAbsolutePath().getParent())) {
                return fail("cannot write " + p + ": directory " + p.toAbsolutePath().getParent()
                        + " does not exist (create it or choose another path)");
            }
        }

        try (EnergyMeter meter = energy.openMeter()) {
            IdleBaseline baseline = null;
            if (idle != null && !idle.isZero()) {
                out.printf(Locale.ROOT, "measuring idle power for %.1f s ...%n", idle.toNanos() / 1e9);
                out.flush();
                baseline = meter.measureIdle(idle);
            }
            Process process;
            MeteringSession session = meter.start(baseline);
            try {
                process = new ProcessBuilder(command).inheritIO().start();
            } catch (IOException e) {
                session.stop();
                return fail("cannot run '" + command.get(0) + "': " + e.getMessage()
                        + " (check the command name and PATH)");
            }
            int exit = process.waitFor();
            EnergyReport report = session.stop();
            PowerTrace powerTrace = session.trace();

            CarbonEstimate carbon = carbonSettings.estimate(report, powerTrace);
            printSummary(out, exit, report, carbon);
            MeasureResult result = new MeasureResult(List.copyOf(command), exit, report.startedAt(),
                    report.windowSeconds(), report.intervalMillis(), report.domains(), report.totalJoules(),
                    report.totalIdleJoules(), report.totalNetJoules(), report.totalNote(), report.idle(), carbon,
                    report.samplerCpuShare(), HostFacts.collect(), meter.providers());
            if (json != null) {
                try {
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
                } catch (IOException e) {
                    return fail("cannot write JSON " + json + ": " + e.getMessage());
                }
                out.println("JSON written to " + json);
            }
            if (trace != null) {
                try (Writer w = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
                    powerTrace.writeCsv(w);
                } catch (IOException e) {
                    return fail("cannot write trace " + trace + ": " + e.getMessage());
                }
                out.println("power trace written to " + trace);
            }
            out.flush();
            return exit;
        } catch (EnergyException e) {
            return fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private static String num(Double v, String fmt) {
        return v == null ? "n/a" : String.format(Locale.ROOT, fmt, v);
    }

    private void printSummary(PrintWriter out, int exit, EnergyReport r, CarbonEstimate carbon) {
        out.printf(Locale.ROOT, "%n'%s' exited %d after %.3f s (sampler %.0f ms, sampler CPU %s of one core)%n",
                String.join(" ", command), exit, r.windowSeconds(), r.intervalMillis(),
                r.samplerCpuShare() == null ? "n/a" : String.format(Locale.ROOT, "%.3f %%", 100 * r.samplerCpuShare()));
        out.printf(Locale.ROOT, "%-12s %-16s %-11s %12s %9s %12s %12s %10s %7s%n", "domain", "method", "quality",
                "joules", "avg W", "idle J", "net J", "+/- J", "samples");
        for (DomainEnergy d : r.domains()) {
            out.printf(Locale.ROOT, "%-12s %-16s %-11s %12s %9s %12s %12s %10s %7d%n", d.domain(), d.method(),
                    d.quality(), num(d.joules(), "%.3f"), num(d.averageWatts(), "%.2f"), num(d.idleJoules(), "%.3f"),
                    num(d.netJoules(), "%.3f"), num(d.uncertaintyJoules(), "%.3f"), d.samples());
            if (d.reason() != null) {
                out.printf(Locale.ROOT, "             reason: %s%n", d.reason());
            }
        }
        out.printf(Locale.ROOT, "total (gross) %s J, idle %s J, net %s J%s%n", num(r.totalJoules(), "%.3f"),
                num(r.totalIdleJoules(), "%.3f"), num(r.totalNetJoules(), "%.3f"),
                r.totalNote() == null ? "" : "  [" + r.totalNote() + "]");
        if (carbon != null) {
            out.printf(Locale.ROOT, "carbon: %.6f gCO2e = %.9f kWh x PUE %.2f x %s g/kWh (%s, %s%s)%n",
                    carbon.gramsCO2e(), carbon.energyKwh(), carbon.pue(), num(carbon.gramsPerKwh(), "%.1f"),
                    carbon.region(), carbon.source(), carbon.year() == null ? "" : ", " + carbon.year());
        } else {
            out.println("carbon: n/a (no energy figure)");
        }
        if (r.domains().stream().anyMatch(d -> d.method().name().equals("MODELLED"))) {
            out.println("MODELLED figures are estimates (assumed +/-50 %), not measurements; see docs/energy.md.");
        }
    }
}
