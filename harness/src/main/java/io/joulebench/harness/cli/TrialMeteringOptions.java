package io.joulebench.harness.cli;

import io.joulebench.harness.Defaults;
import io.joulebench.energy.EnergyException;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.process.ProcessTree;
import io.joulebench.harness.trial.CarbonSettings;
import io.joulebench.harness.trial.EnergyScope;
import io.joulebench.harness.trial.TrialMetering;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How commands that train meter their trials (a picocli mixin for {@code run} and {@code demo}). */
final class TrialMeteringOptions {
    @Option(names = "--idle", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = Defaults.IDLE,
            description = "measure idle power this long before the first trial, for idle and net energy; 0 to skip"
                    + " (default: ${DEFAULT-VALUE})")
    Duration idle;

    @Option(names = "--require", paramLabel = "DOMAIN", split = ",",
            description = "fail before any training unless these are measured (not modelled): gpu, cpu, dram")
    List<TrialMetering.Requirement> required = List.of();

    @Option(names = "--no-energy", description = "do not meter energy at all")
    boolean noEnergy;

    @Mixin
    EnergyOptions energy;

    /**
     * Opens the meter, checks requirements and measures the idle baseline; null with {@code --no-energy}. The
     * caller closes it.
     */
    TrialMetering open(PrintStream out) throws EnergyException, InterruptedException {
        if (noEnergy) {
            if (!required.isEmpty()) {
                throw new EnergyException("--require and --no-energy contradict each other; drop one");
            }
            return null;
        }
        CarbonSettings carbon = energy.carbon();
        EnergyMeter meter = energy.openMeter(ProcessTree.thisProcess());
        try {
            out.println("energy: " + String.join(", ", meter.sensors().stream()
                    .map(s -> s.domain() + " " + s.method().name().toLowerCase(Locale.ROOT) + " (" + s.provider() + ")")
                    .toList()));
            out.println("energy: scope " + energy.scope().label() + (energy.scope() == EnergyScope.MACHINE
                    ? " (carbon of the machine's figures; --scope process for the trial's ATTRIBUTED share)"
                    : " (carbon of each trial's ATTRIBUTED CPU package and DRAM share: its JVM and children)"));
            if (!idle.isZero()) {
                out.printf(Locale.ROOT, "energy: measuring idle power for %.1f s before training...%n",
                        idle.toNanos() / 1e9);
            }
            return TrialMetering.start(meter, carbon, idle,
                    required.isEmpty() ? EnumSet.noneOf(TrialMetering.Requirement.class) : EnumSet.copyOf(required),
                    energy.scope());
        } catch (EnergyException | InterruptedException | RuntimeException e) {
            meter.close();
            throw e;
        }
    }
}
