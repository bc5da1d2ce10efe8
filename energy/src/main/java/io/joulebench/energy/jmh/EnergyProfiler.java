package io.joulebench.energy.jmh;

import io.joulebench.energy.Domain;
import io.joulebench.energy.DomainInfo;
import io.joulebench.energy.Method;
import io.joulebench.energy.SensorException;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.SensorProvider;
import io.joulebench.energy.UnavailableReason;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.meter.MeteringException;
import io.joulebench.energy.meter.MeteringSession;
import io.joulebench.energy.meter.ProviderStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

/**
 * A JMH profiler that meters every iteration with JouleBench's {@link EnergyMeter} and adds, per domain,
 * {@code energy.<domain>} in J/op and {@code power.<domain>} in W (a modelled domain ends in {@code .modelled}), plus
 * {@code energy.total} and {@code power.total} over the additive domains. A figure that could not be obtained is
 * NaN, never 0.
 *
 * <pre>
 * java -jar benchmarks.jar -prof io.joulebench.energy.jmh.EnergyProfiler:interval=10ms;domains=cpu-package,dram
 * </pre>
 *
 * Options: see {@link ProfilerOptions}. The {@code (String)} constructor runs in the host before any benchmark and
 * refuses unusable sensors with every reason; the meter itself opens once per fork, at the first iteration.
 */
public final class EnergyProfiler implements InternalProfiler {

    private static final String PREFIX = "# EnergyProfiler: ";

    private final ProfilerOptions options;
    private final Set<String> said = new HashSet<>();
    private volatile EnergyMeter meter;
    private List<EnergyResults.Reported> reported;
    private String openFailure;
    private MeteringSession session;
    private String sessionFailure;
    private int measured;
    private boolean hooked;

    /** For ServiceLoader (JMH's -lprof and lookup): cheap, never throws, opens nothing. */
    public EnergyProfiler() {
        this.options = ProfilerOptions.defaults();
    }

    /**
     * Parses the options and opens the meter once to check the sensors (JMH calls this in the host first).
     *
     * @throws ProfilerException on an unknown option or bad value, or when a sensor cannot be used, with every reason
     */
    public EnergyProfiler(String options) throws ProfilerException {
        this.options = ProfilerOptions.parse(options);
        try {
            openMeter(this.options).meter().close();
        } catch (SensorException | RuntimeException e) {
            throw new ProfilerException("EnergyProfiler cannot meter: " + e.getMessage(), e);
        }
    }

    @Override
    public String getDescription() {
        return "JouleBench energy per operation (J/op) and mean power (W) per domain: RAPL CPU package and DRAM, "
                + "NVML GPUs, else a model labelled .modelled; NaN where a sensor failed. Options:\n"
                + ProfilerOptions.help();
    }

    /** The options in use. */
    public ProfilerOptions options() {
        return options;
    }

    static SensorOptions sensorOptions(ProfilerOptions o) {
        SensorOptions r = SensorOptions.resolve(o.powercapRoot(), o.nvmlLibrary());
        // Name the profiler's own options when they chose a location, so an error points at what the user typed.
        return new SensorOptions(r.powercapRoot(), r.nvmlLibrary(), System::nanoTime,
                o.powercapRoot() != null ? "EnergyProfiler option powercap-root" : r.powercapSetBy(),
                o.nvmlLibrary() != null ? "EnergyProfiler option nvml-library" : r.nvmlSetBy());
    }

    /**
     * Opens the meter and checks it: every explicitly located provider that failed there (never a silent fallback
     * to the model), then every requested domain the meter lacks.
     *
     * @throws SensorException with every problem found; the meter is closed then
     */
    static Opened openMeter(ProfilerOptions o) throws SensorException {
        SensorOptions so = sensorOptions(o);
        EnergyMeter m = EnergyMeter.open(new MeterOptions(o.interval(), so, null));
        List<String> problems = new ArrayList<>();
        for (SensorProvider p : EnergyMeter.discover()) {
            String location = p.explicitLocation(so);
            ProviderStatus st = m.providers().stream().filter(s -> s.id().equals(p.id())).findFirst().orElse(null);
            if (location != null && st != null && !st.available()) {
                problems.add(location + ": " + describe(st));
            }
        }
        List<EnergyResults.Reported> reported = select(m, o, problems);
        if (!problems.isEmpty()) {
            m.close();
            throw new SensorException(UnavailableReason.UNKNOWN, String.join("; ", problems), "");
        }
        return new Opened(m, reported);
    }

    /** An open, checked meter and the domains to report. */
    record Opened(EnergyMeter meter, List<EnergyResults.Reported> reported) {
    }

    /** The domains to report with their methods; adds a problem for each requested domain the meter lacks. */
    static List<EnergyResults.Reported> select(EnergyMeter m, ProfilerOptions o, List<String> problems) {
        List<EnergyResults.Reported> out = new ArrayList<>();
        List<DomainInfo> measured = m.domains();
        if (o.domains().isEmpty()) {
            measured.forEach(d -> out.add(new EnergyResults.Reported(new Domain(d.domain()), d.method())));
            if (out.isEmpty()) {
                problems.add("no domain can be metered here; " + providers(m));
            }
            return out;
        }
        for (Domain d : o.domains()) {
            DomainInfo info = measured.stream().filter(i -> i.domain().equals(d.id())).findFirst().orElse(null);
            if (info == null) {
                problems.add("domain " + d.id() + " is not metered here; " + providers(m));
            } else {
                out.add(new EnergyResults.Reported(d, info.method()));
            }
        }
        return out;
    }

    /** Every provider's status, for error messages: "rapl unavailable: why (fix: ...)". */
    static String providers(EnergyMeter m) {
        List<String> parts = new ArrayList<>();
        for (ProviderStatus p : m.providers()) {
            parts.add(p.available() ? p.id() + ": measures " + p.selected() : describe(p));
        }
        return "providers: " + String.join("; ", parts);
    }

    private static String describe(ProviderStatus p) {
        return p.id() + " unavailable: " + p.message() + (p.fix().isBlank() ? "" : " (fix: " + p.fix() + ")");
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        sessionFailure = null;
        if (meter == null && openFailure == null) {
            open();
        }
        if (meter != null) {
            try {
                session = meter.start();
            } catch (MeteringException | RuntimeException e) {
                sessionFailure = "metering did not start: " + e.getMessage();
            }
        }
    }

    private void open() {
        try {
            Opened opened = openMeter(options); // the host checked; this fails only if the fork sees other sensors
            meter = opened.meter();
            reported = opened.reported();
            for (EnergyResults.Reported r : reported) {
                if (r.method() == Method.MODELLED) {
                    say("modelled " + r.domain(), r.domain() + ": no counter here, a MODELLED estimate (an "
                            + "estimate, not a measurement): reported as energy." + r.domain()
                            + EnergyResults.MODELLED_SUFFIX);
                }
            }
            if (!hooked) { // closes the sensors (NVML) if the fork ends before the last iteration
                Thread hook = new Thread(this::closeAtExit, "joulebench-energy-profiler-close");
                hook.setDaemon(true);
                Runtime.getRuntime().addShutdownHook(hook);
                hooked = true;
            }
        } catch (SensorException | RuntimeException e) {
            openFailure = "the energy meter did not open in the benchmark's JVM: " + e.getMessage();
            meter = null;
            reported = options.domains().stream().map(d -> new EnergyResults.Reported(d, Method.UNAVAILABLE))
                    .toList();
            say("open", openFailure + (reported.isEmpty() ? "; no energy results" : "; energy results are NaN"));
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        EnergyReport report = null;
        String failure = openFailure != null ? openFailure : sessionFailure;
        if (session != null) {
            try {
                report = session.stop();
            } catch (RuntimeException e) {
                failure = "metering did not stop: " + e;
            }
            session = null;
        }
        EnergyResults.Outcome out = EnergyResults.of(report, reported == null ? List.of() : reported,
                result.getMetadata().getAllOps(), failure);
        for (Map.Entry<String, String> e : out.problems().entrySet()) {
            boolean partial = e.getValue().startsWith("PARTIAL");
            say((partial ? "partial " : "failed ") + e.getKey(), e.getKey() + ": " + e.getValue()
                    + (partial ? " (figure kept)" : " (result NaN)"));
        }
        for (Map.Entry<String, String> e : out.shortWindows().entrySet()) {
            say("short " + benchmarkParams.id() + " " + e.getKey(), "warning: " + benchmarkParams.getBenchmark()
                    + ": " + e.getKey() + ": " + e.getValue());
        }
        if (iterationParams.getType() == IterationType.MEASUREMENT
                && ++measured >= iterationParams.getCount()) {
            close(); // last measurement iteration of this benchmark: release the sensors (NVML) now
        }
        return out.results();
    }

    private void close() {
        if (meter != null) {
            meter.close();
        }
        meter = null;
        reported = null;
        openFailure = null;
        measured = 0;
    }

    private void closeAtExit() {
        EnergyMeter m = meter;
        if (m != null) {
            m.close();
        }
    }

    /** Prints a message to the benchmark's stderr once per key (JMH relays it from the fork). */
    private void say(String key, String message) {
        if (said.add(key)) {
            System.err.println(PREFIX + message);
        }
    }
}
