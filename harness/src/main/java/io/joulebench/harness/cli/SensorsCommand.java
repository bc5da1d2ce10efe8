package io.joulebench.harness.cli;

import io.joulebench.energy.DomainInfo;
import io.joulebench.energy.SensorProvider;
import io.joulebench.energy.host.HostFacts;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.meter.ProviderStatus;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code joulebench sensors}: every energy provider, whether it works here, why not, and what it would measure. */
@Command(name = "sensors", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the energy sensor providers (NVML, RAPL, model): status, reason, domains, and which "
                + "provider would measure each domain.")
public final class SensorsCommand implements Callable<Integer> {

    @Mixin
    SensorLocationOptions locations;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MeterOptions options = MeterOptions.of(locations.resolve());
        List<ProviderStatus> statuses = EnergyMeter.survey(options);
        HostFacts host = HostFacts.collect();
        out.printf(Locale.ROOT, "Host: %s, %d package(s), %d cores / %d threads, %.1f GiB RAM, governor %s%n",
                host.cpuModel(), host.cpuPackages(), host.physicalCores(), host.logicalCores(),
                host.totalMemoryBytes() / (double) (1L << 30),
                host.frequencyGovernor() == null ? "n/a (no cpufreq in /sys)" : host.frequencyGovernor());
        out.printf(Locale.ROOT, "powercap root: %s   NVML library: %s%n%n", options.sensors().powercapRoot(),
                options.sensors().nvmlLibrary());
        Map<String, String> explicit = new HashMap<>(); // provider id -> location the user chose explicitly
        for (SensorProvider p : EnergyMeter.discover()) {
            String location = p.explicitLocation(options.sensors());
            if (location != null) {
                explicit.put(p.id(), location);
            }
        }
        Set<String> claimed = new HashSet<>();
        for (ProviderStatus s : statuses) {
            out.printf(Locale.ROOT, "%-6s priority %-4d %s%n", s.id(), s.priority(),
                    s.available() ? "AVAILABLE" : "UNAVAILABLE (" + s.reason() + ")");
            out.printf(Locale.ROOT, "       %s%n", s.description());
            if (!s.available()) {
                out.printf(Locale.ROOT, "       why: %s%n", s.message());
                if (!s.fix().isBlank()) {
                    out.printf(Locale.ROOT, "       fix: %s%n", s.fix());
                }
                String location = explicit.get(s.id());
                if (location != null && !"DISABLED".equals(s.reason())) {
                    out.printf(Locale.ROOT, "       set explicitly by %s: measure and run refuse to start rather than "
                            + "fall back%n", location);
                }
            } else {
                out.printf(Locale.ROOT, "       %s%n", s.message());
                for (DomainInfo d : s.domains()) {
                    boolean wins = claimed.add(d.domain());
                    out.printf(Locale.ROOT, "       %-12s %-16s %s%s%n", d.domain(), d.method(), d.measures(),
                            wins ? "" : "  [superseded by a higher-priority provider]");
                }
            }
            out.println();
        }
        if (claimed.isEmpty()) {
            out.println("No provider can measure energy here: `joulebench measure` would report every domain as n/a.");
        } else {
            boolean modelled = statuses.stream().filter(ProviderStatus::available)
                    .flatMap(s -> s.domains().stream()).anyMatch(d -> d.method().name().equals("MODELLED"));
            out.println("Domains measured: " + String.join(", ", claimed.stream().sorted().toList())
                    + (modelled ? " (MODELLED figures are estimates, not measurements)" : ""));
        }
        out.flush();
        return 0;
    }
}
