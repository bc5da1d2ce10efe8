package io.joulebench.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.joulebench.energy.EnergyException;
import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.host.HostFacts;
import io.joulebench.energy.meter.AttributedEnergy;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.IdleBaseline;
import io.joulebench.energy.meter.MeteringSession;
import io.joulebench.energy.meter.PowerTrace;
import io.joulebench.energy.process.ProcessTree;
import io.joulebench.harness.trial.CarbonSettings;
import io.joulebench.harness.trial.EnergyScope;
import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.results.DurableJsonl;
import io.joulebench.harness.results.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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
                + "carbon. Exit code: the command's; on SIGINT/SIGTERM (forwarded to the command) 130/143; else"
                + " JouleBench's own (2 bad options, 4 sensors, 5 output files; see docs/reliability.md).")
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

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** How long the command gets to stop after a forwarded SIGINT/SIGTERM before its group is killed. */
    static final Duration GRACE = Duration.ofSeconds(5);

    @Override
    public Integer call() throws EnergyException, InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        // Validate everything before running anything: carbon settings, output files, the command itself.
        CarbonSettings carbonSettings = energy.carbon();
        if (json != null) {
            OutputFolder.checkWritableFile(json, "--json");
        }
        if (trace != null) {
            OutputFolder.checkWritableFile(trace, "--trace");
        }
        MeasuredChild.checkRunnable(command);

        // The tree is everything this JVM starts (the command and its descendants), not the JVM that meters it.
        ProcessTree tree = ProcessTree.childrenOfThisProcess();
        EnergyScope scope = energy.scope();
        try (EnergyMeter meter = energy.openMeter(tree)) {
            IdleBaseline baseline = null;
            if (idle != null && !idle.isZero()) {
                out.printf(Locale.ROOT, "measuring idle power for %.1f s ...%n", idle.toNanos() / 1e9);
                out.flush();
                baseline = meter.measureIdle(idle);
            }
            MeteringSession session = meter.start(baseline, tree);
            MeasuredChild child;
            try {
                child = MeasuredChild.start(command);
            } catch (IOException e) {
                session.stop();
                throw new InvalidConfigurationException("cannot run '" + command.get(0) + "': " + e.getMessage()
                        + " (check the command name and PATH)");
            }
            AtomicReference<String> signal = new AtomicReference<>();
            int exit;
            // On SIGINT/SIGTERM: forward it to the command's group, let it stop (killed after GRACE), and fall
            // through to write what was measured, marked interrupted.
            try (Interrupts.Registration registration = Interrupts.register(s -> {
                signal.set("SIG" + s);
                child.forward(s, GRACE);
                return false;
            })) {
                exit = child.waitFor();
            }
            EnergyReport report = session.stop();
            PowerTrace powerTrace = session.trace();

            CarbonEstimate carbon = carbonSettings.estimate(report, powerTrace,
                    session.attributedTrace().orElse(null), scope);
            printSummary(out, exit, report, carbon);
            if (signal.get() != null) {
                out.printf(Locale.ROOT, "INTERRUPTED by %s: the figures cover the command until it stopped%n",
                        signal.get());
            }
            MeasureResult result = new MeasureResult(List.copyOf(command), exit, report.startedAt(),
                    report.windowSeconds(), report.intervalMillis(), report.domains(), report.totalJoules(),
                    report.totalIdleJoules(), report.totalNetJoules(), report.totalNote(), report.idle(), carbon,
                    report.samplerCpuShare(), HostFacts.collect(), meter.providers(), signal.get(), scope.label(),
                    report.attributed(), report.attributedTotalJoules(), report.attributedNote());
            if (json != null) {
                DurableJsonl.writeAtomically(json, JSON.writeValueAsBytes(result));
                out.println("JSON written to " + json);
            }
            if (trace != null) {
                StringBuilder csv = new StringBuilder();
                powerTrace.writeCsv(csv);
                DurableJsonl.writeAtomically(trace, csv.toString().getBytes(StandardCharsets.UTF_8));
                out.println("power trace written to " + trace);
            }
            out.flush();
            return signal.get() != null ? Interrupts.exitCode(signal.get().substring(3)) : exit;
        }
    }

    private static String num(Double v, String fmt) {
        return v == null ? "n/a" : String.format(Locale.ROOT, fmt, v);
    }

    /** The tree's ATTRIBUTED rows beside the machine's, and which scope the summary's total and carbon use. */
    static void printAttributed(PrintWriter out, EnergyReport r, EnergyScope scope) {
        for (AttributedEnergy a : r.attributed()) {
            out.printf(Locale.ROOT, "%-12s %-16s %-11s %12s  = %s of the machine's %s J (%s figure)%n", a.domain(),
                    "ATTRIBUTED", a.quality(), num(a.joules(), "%.3f"), a.share() == null ? "n/a"
                    : String.format(Locale.ROOT, "%.1f %%", 100 * a.share()), num(a.machineJoules(), "%.3f"),
                    a.basis());
            if (a.reason() != null) {
                out.printf(Locale.ROOT, "             reason: %s%n", a.reason());
            }
            for (String n : a.notes()) {
                out.printf(Locale.ROOT, "             note: %s%n", n);
            }
        }
        if (!r.attributed().isEmpty()) {
            out.printf(Locale.ROOT, "total ATTRIBUTED to the %s: %s J%s%n", r.attributed().get(0).tree(),
                    num(r.attributedTotalJoules(), "%.3f"), r.attributedNote() == null ? ""
                    : "  [" + r.attributedNote() + "]");
        }
        out.println(scope == EnergyScope.MACHINE
                ? "scope: machine (default): the total and carbon are the machine's; --scope process uses the "
                + "ATTRIBUTED share"
                : "scope: process: carbon uses the ATTRIBUTED share (CPU time of the tree / busy CPU time, per "
                + "interval); the model's CPU load is the tree's");
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
        printAttributed(out, r, energy.scope());
        if (carbon != null) {
            out.printf(Locale.ROOT, "carbon (scope %s): %.6f gCO2e = %.9f kWh x PUE %.2f x %s g/kWh (%s, %s%s)%n",
                    energy.scope().label(), carbon.gramsCO2e(), carbon.energyKwh(), carbon.pue(), num(carbon.gramsPerKwh(), "%.1f"),
                    carbon.region(), carbon.source(), carbon.year() == null ? "" : ", " + carbon.year());
        } else {
            out.println("carbon (scope " + energy.scope().label() + "): n/a (no energy figure in that scope)");
        }
        if (r.domains().stream().anyMatch(d -> d.method().name().equals("MODELLED"))) {
            out.println("MODELLED figures are estimates (assumed +/-50 %), not measurements; see docs/energy.md.");
        }
    }
}
