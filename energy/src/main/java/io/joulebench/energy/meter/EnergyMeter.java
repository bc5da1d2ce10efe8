package io.joulebench.energy.meter;

import io.joulebench.energy.Availability;
import io.joulebench.energy.Domain;
import io.joulebench.energy.DomainInfo;
import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.Method;
import io.joulebench.energy.Sensor;
import io.joulebench.energy.SensorException;
import io.joulebench.energy.SensorProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Selects sensors and starts metering sessions. Providers are tried highest priority first; each domain is measured
 * by the first provider that offers it (NVML &gt; RAPL &gt; model). One session at a time.
 *
 * <pre>{@code
 * try (EnergyMeter meter = EnergyMeter.open(MeterOptions.defaults())) {
 *     IdleBaseline idle = meter.measureIdle(Duration.ofSeconds(5));
 *     MeteringSession s = meter.start(idle);
 *     s.mark("epoch-1"); ... s.mark("epoch-2"); ...
 *     EnergyReport r = s.stop();
 * }
 * }</pre>
 */
public final class EnergyMeter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnergyMeter.class);

    private final MeterOptions options;
    private final List<ProviderStatus> providers;
    private final List<Sensor> sensors;
    private MeteringSession active;
    private boolean closed;

    private final List<SensorProvider> opened;
    private final Map<String, String> explicit; // provider id -> its explicitly chosen location

    private EnergyMeter(MeterOptions options, List<ProviderStatus> providers, List<Sensor> sensors,
                        List<SensorProvider> opened, Map<String, String> explicit) {
        this.explicit = Map.copyOf(explicit);
        this.options = options;
        this.providers = List.copyOf(providers);
        this.sensors = List.copyOf(sensors);
        this.opened = List.copyOf(opened);
    }

    /** The providers on the class path (ServiceLoader), highest priority first. */
    public static List<SensorProvider> discover() {
        List<SensorProvider> list = new ArrayList<>();
        ServiceLoader.load(SensorProvider.class, EnergyMeter.class.getClassLoader()).forEach(list::add);
        list.sort(Comparator.comparingInt(SensorProvider::priority).reversed().thenComparing(SensorProvider::id));
        return list;
    }

    /** Probes every provider on the class path without opening anything. */
    public static List<ProviderStatus> survey(MeterOptions options) {
        return survey(options, discover());
    }

    /** Probes the given providers. */
    public static List<ProviderStatus> survey(MeterOptions options, List<SensorProvider> providers) {
        List<ProviderStatus> out = new ArrayList<>();
        for (SensorProvider p : sorted(providers)) {
            out.add(status(p, options, probe(p, options), List.of()));
        }
        return out;
    }

    private static List<SensorProvider> sorted(List<SensorProvider> providers) {
        List<SensorProvider> l = new ArrayList<>(providers);
        l.sort(Comparator.comparingInt(SensorProvider::priority).reversed().thenComparing(SensorProvider::id));
        return l;
    }

    private static Availability probe(SensorProvider p, MeterOptions options) {
        if (options.providers() != null && !options.providers().contains(p.id())) {
            return new Availability.Unavailable(io.joulebench.energy.UnavailableReason.DISABLED,
                    "not among the selected providers " + options.providers(), "");
        }
        try {
            return p.probe(options.sensors());
        } catch (RuntimeException | LinkageError e) {
            return new Availability.Unavailable(io.joulebench.energy.UnavailableReason.UNKNOWN,
                    "probe failed: " + e, "");
        }
    }

    private static ProviderStatus status(SensorProvider p, MeterOptions options, Availability a, List<String> selected) {
        if (a instanceof Availability.Available ok) {
            return new ProviderStatus(p.id(), p.priority(), p.description(), true, null, ok.detail(), "",
                    ok.domains(), selected);
        }
        Availability.Unavailable u = (Availability.Unavailable) a;
        return new ProviderStatus(p.id(), p.priority(), p.description(), false, u.reason().name(), u.message(),
                u.fix(), List.of(), List.of());
    }

    /** Opens a meter over the providers on the class path. */
    public static EnergyMeter open(MeterOptions options) {
        return open(options, discover());
    }

    /** Opens a meter over the given providers (tests, embedding). A provider that fails is reported, not fatal. */
    public static EnergyMeter open(MeterOptions options, List<SensorProvider> providers) {
        Map<Domain, Sensor> chosen = new LinkedHashMap<>();
        List<ProviderStatus> statuses = new ArrayList<>();
        List<SensorProvider> used = new ArrayList<>();
        Map<String, String> explicit = new LinkedHashMap<>();
        for (SensorProvider p : sorted(providers)) {
            String location = p.explicitLocation(options.sensors());
            if (location != null) {
                explicit.put(p.id(), location);
            }
            if (options.providers() != null && !options.providers().contains(p.id())) {
                statuses.add(status(p, options, probe(p, options), List.of()));
                continue;
            }
            // Open first, then probe for the status: a provider probes through what it opened (NVML: one session).
            List<Sensor> opened;
            try {
                opened = p.open(options.sensors());
            } catch (SensorException e) {
                statuses.add(status(p, options, new Availability.Unavailable(e.reason(), e.getMessage(), e.fix()),
                        List.of()));
                continue;
            } catch (RuntimeException | LinkageError e) {
                statuses.add(status(p, options, new Availability.Unavailable(
                        io.joulebench.energy.UnavailableReason.UNKNOWN, "open failed: " + e, ""), List.of()));
                continue;
            }
            Availability a = probe(p, options);
            if (!a.available()) { // it opened, so it works: describe it from its sensors
                a = new Availability.Available(opened.stream().map(s -> new DomainInfo(s.domain().id(), Method.of(s),
                        s.description())).toList(), "opened (probe after open: "
                        + ((Availability.Unavailable) a).message() + ")");
            }
            List<String> won = new ArrayList<>();
            for (Sensor s : opened) {
                if (chosen.containsKey(s.domain())) {
                    LOG.debug("{} from {} superseded by {}", s.domain(), p.id(), chosen.get(s.domain()).providerId());
                    s.close();
                } else {
                    chosen.put(s.domain(), s);
                    won.add(s.domain().id());
                }
            }
            statuses.add(status(p, options, a, won));
            if (!won.isEmpty()) {
                used.add(p);
            }
        }
        List<Sensor> list = new ArrayList<>(chosen.values());
        list.sort(Comparator.comparing(Sensor::domain));
        return new EnergyMeter(options, statuses, list, used, explicit);
    }

    /**
     * Refuses a provider the user pointed at an explicit location (an option, property or environment variable)
     * that did not work there: an explicit choice never falls back silently to the model. Defaults may fall back;
     * their status says why.
     *
     * @throws SensorException naming the option, the location, what failed and the fix
     */
    public void requireExplicitLocations() throws SensorException {
        for (ProviderStatus s : providers) {
            String location = explicit.get(s.id());
            if (location != null && !s.available() && !io.joulebench.energy.UnavailableReason.DISABLED.name()
                    .equals(s.reason())) {
                String fix = (s.fix() == null || s.fix().isBlank() ? "" : s.fix() + "; or ")
                        + "correct it, or leave it unset to use the default (which may fall back to the model)";
                throw new SensorException(io.joulebench.energy.UnavailableReason.valueOf(s.reason()),
                        location + ": " + s.id() + " unavailable: " + s.message() + " (fix: " + fix + ")", fix);
            }
        }
    }

    /** Every provider with its status and the domains it won. */
    public List<ProviderStatus> providers() {
        return providers;
    }

    /** The sensors in use, one per domain. */
    public List<SensorInfo> sensors() {
        return sensors.stream().map(s -> new SensorInfo(s.domain().id(), s.providerId(), Method.of(s),
                s.description())).toList();
    }

    /** The domains metered. */
    public List<DomainInfo> domains() {
        return sensors.stream().map(s -> new DomainInfo(s.domain().id(), Method.of(s), s.description())).toList();
    }

    /** The options. */
    public MeterOptions options() {
        return options;
    }

    /**
     * The open provider of this type whose sensors the meter uses, to ask it for device facts through the same
     * session (e.g. {@code NvmlProvider#gpuFacts}); empty when no such provider measures a domain here.
     */
    public <T extends SensorProvider> Optional<T> provider(Class<T> type) {
        return opened.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The sensor of a domain, if metered. */
    public Optional<Sensor> sensor(String domain) {
        return sensors.stream().filter(s -> s.domain().id().equals(domain)).findFirst();
    }

    /** Starts a session without idle baseline. */
    public MeteringSession start() throws MeteringException {
        return start(null);
    }

    /**
     * Starts a session; with a baseline the report gives idle and net energy beside gross.
     *
     * @throws MeteringException when a session is running (a counter that could wrap twice within the sampler
     *                           interval is polled more often by the session itself, never refused)
     */
    public MeteringSession start(IdleBaseline baseline) throws MeteringException {
        return start(baseline, null);
    }

    /**
     * As {@link #start(IdleBaseline)}, and with a tree the report also gives its ATTRIBUTED share of the CPU package
     * and DRAM (see {@link EnergyReport#attributed()}).
     */
    public synchronized MeteringSession start(IdleBaseline baseline, io.joulebench.energy.process.ProcessTree tree)
            throws MeteringException {
        if (closed) {
            throw new IllegalStateException("meter closed");
        }
        if (active != null) {
            throw new MeteringException("a metering session is already running on this meter; stop it first");
        }
        active = new MeteringSession(this, wrapTracks(), options.sensors().nanoClock(), options.interval(), baseline,
                tree == null ? null : new Attribution(tree));
        return active;
    }

    private List<Track> wrapTracks() {
        return sensors.stream().map(Track::new).toList();
    }

    synchronized void sessionEnded(MeteringSession s) {
        if (active == s) {
            active = null;
        }
    }

    /**
     * Measures idle power: a session of {@code window} with no workload started by JouleBench. Blocks; in manual mode
     * (interval 0) it samples every 100 ms itself.
     */
    public IdleBaseline measureIdle(Duration window) throws MeteringException, InterruptedException {
        MeteringSession s = start(null);
        try {
            if (options.manual()) {
                long end = System.nanoTime() + window.toNanos();
                while (System.nanoTime() < end) {
                    Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                    s.sample();
                }
            } else {
                Thread.sleep(window.toMillis(), (int) (window.toNanos() % 1_000_000));
            }
        } finally {
            s.stop();
        }
        return IdleBaseline.from(s.stop());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (active != null) {
            MeteringSession s = active;
            active = null;
            s.stop();
        }
        for (Sensor s : sensors) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.debug("closing {}: {}", s.domain(), e.toString());
            }
        }
    }
}
