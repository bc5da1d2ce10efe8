package io.joulebench.energy.nvml;

import io.joulebench.energy.Availability;
import io.joulebench.energy.DomainInfo;
import io.joulebench.energy.Method;
import io.joulebench.energy.Sensor;
import io.joulebench.energy.SensorException;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.SensorProvider;
import io.joulebench.energy.UnavailableReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GPU board energy through NVML: every device is its own domain ({@code gpu:N}); the total-energy counter where the
 * GPU has one, else power usage integrated by the meter. The library loads in {@link #probe} / {@link #open} only.
 * While sensors this provider opened are open, {@link #probe} and {@link #gpuFacts} use their NVML session: one
 * nvmlInit when opened, one nvmlShutdown when the last sensor closes, none in between.
 */
public final class NvmlProvider implements SensorProvider {

    /** Provider id. */
    public static final String ID = "nvml";
    private static final Logger LOG = LoggerFactory.getLogger(NvmlProvider.class);

    /** Loads a binding for a library name or path. */
    @FunctionalInterface
    public interface BindingFactory {
        NvmlBinding load(String library) throws NvmlException;
    }

    private final BindingFactory factory;
    private NvmlSession open; // the session of the sensors this provider opened, while any is open

    /** The ServiceLoader constructor: binds the real library through JNA (lazily). */
    public NvmlProvider() {
        this(JnaNvmlBinding::load);
    }

    /** With an injected binding factory (tests, fakes). */
    public NvmlProvider(BindingFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 300;
    }

    @Override
    public String description() {
        return "NVIDIA GPU board energy via NVML (libnvidia-ml.so.1): energy counter, else integrated power";
    }

    private record Plan(NvmlBinding.Device device, String name, Method method) {
    }

    private record Probed(NvmlBinding binding, String driver, List<Plan> plans, List<String> notes) {
    }

    private static Availability.Unavailable unavailable(NvmlException e, String library) {
        String msg = e.getMessage();
        if (e.code() == NvmlReturn.LIBRARY_NOT_FOUND) {
            msg = "NVML library not found (" + library + "): no NVIDIA driver on this machine, or not on the "
                    + "library path";
        }
        return new Availability.Unavailable(e.reason(), msg, NvmlReturn.fix(e.code()));
    }

    /** The open session, if sensors of this provider still hold it. */
    private synchronized NvmlSession openSession() {
        return open != null && open.isOpen() ? open : null;
    }

    /** Loads, initialises and inspects every device; on success NVML is left initialised. */
    private Probed inspect(SensorOptions options) throws NvmlException {
        NvmlBinding b = factory.load(options.nvmlLibrary());
        b.init();
        try {
            return inspect(b);
        } catch (NvmlException | RuntimeException e) {
            try {
                b.shutdown();
            } catch (NvmlException ignored) {
                // already failing
            }
            throw e;
        }
    }

    /** Inspects every device of an initialised binding. */
    private static Probed inspect(NvmlBinding b) throws NvmlException {
        int n = b.deviceCount();
        if (n == 0) {
            throw new NvmlException(NvmlReturn.NOT_FOUND, "NVML initialised but reports no GPU");
        }
        String driver;
        try {
            driver = b.driverVersion();
        } catch (NvmlException e) {
            driver = "unknown";
        }
        List<Plan> plans = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Integer handleCode = null; // the code shared by every refused handle, while all devices so far refused
        boolean allRefused = true;
        for (int i = 0; i < n; i++) {
            NvmlBinding.Device d;
            try {
                // On SLURM/cgroup nodes the handle of a GPU not allocated to this job is refused (NO_PERMISSION):
                // skip that GPU, keep the others.
                d = b.device(i);
            } catch (NvmlException e) {
                notes.add("gpu:" + i + " handle: " + e.getMessage() + "; GPU not metered");
                handleCode = handleCode == null || handleCode == e.code() ? Integer.valueOf(e.code())
                        : Integer.valueOf(NvmlReturn.UNKNOWN);
                continue;
            }
            allRefused = false;
            String name;
            try {
                name = b.name(d);
            } catch (NvmlException e) {
                name = "GPU " + i;
            }
            try {
                b.totalEnergyMillijoules(d);
                plans.add(new Plan(d, name, Method.COUNTER_DELTA));
                continue;
            } catch (NvmlException e) {
                notes.add("gpu:" + i + " energy counter: " + e.getMessage());
            }
            try {
                b.powerUsageMilliwatts(d);
                plans.add(new Plan(d, name, Method.INTEGRATED_POWER));
            } catch (NvmlException e) {
                notes.add("gpu:" + i + " power usage: " + e.getMessage() + "; GPU not metered");
            }
        }
        if (plans.isEmpty() && allRefused && handleCode != null) {
            throw new NvmlException(handleCode, "no GPU handle could be obtained: " + String.join("; ", notes));
        }
        if (plans.isEmpty()) {
            throw new NvmlException(NvmlReturn.NOT_SUPPORTED, "no GPU offers energy or power: " + String.join("; ", notes));
        }
        return new Probed(b, driver, plans, notes);
    }

    @Override
    public String explicitLocation(SensorOptions options) {
        return options.nvmlSetBy() == null ? null : options.nvmlSetBy() + " " + options.nvmlLibrary();
    }

    @Override
    public Availability probe(SensorOptions options) {
        try {
            NvmlSession session = openSession();
            Probed p = session != null ? inspect(session.binding()) : inspect(options);
            if (session == null) {
                try {
                    p.binding().shutdown();
                } catch (NvmlException e) {
                    LOG.debug("nvmlShutdown: {}", e.getMessage());
                }
            }
            List<DomainInfo> infos = new ArrayList<>();
            for (Plan plan : p.plans()) {
                infos.add(new DomainInfo("gpu:" + plan.device().index(), plan.method(), "GPU board, " + plan.name()
                        + (plan.method() == Method.COUNTER_DELTA ? ": NVML total energy counter"
                        : ": NVML power usage, trapezoid-integrated (no energy counter)")));
            }
            String detail = "driver " + p.driver() + ", library " + options.nvmlLibrary()
                    + (p.notes().isEmpty() ? "" : "; " + String.join("; ", p.notes()));
            return new Availability.Available(infos, detail);
        } catch (NvmlException e) {
            return unavailable(e, options.nvmlLibrary());
        } catch (RuntimeException | LinkageError e) {
            return new Availability.Unavailable(UnavailableReason.UNKNOWN, "NVML probe failed: " + e, "");
        }
    }

    @Override
    public List<Sensor> open(SensorOptions options) throws SensorException {
        Probed p;
        try {
            p = inspect(options);
        } catch (NvmlException e) {
            throw SensorException.of(unavailable(e, options.nvmlLibrary()));
        }
        NvmlSession session = new NvmlSession(p.binding());
        session.acquire(); // held while sensors are created
        List<Sensor> sensors = new ArrayList<>();
        for (Plan plan : p.plans()) {
            OptionalDouble limit = powerLimitWatts(p.binding(), plan.device());
            sensors.add(plan.method() == Method.COUNTER_DELTA
                    ? new NvmlEnergyCounter(session, plan.device(), plan.name(), limit, options.nanoClock())
                    : new NvmlPowerSensor(session, plan.device(), plan.name(), limit, options.nanoClock()));
        }
        synchronized (this) {
            open = session;
        }
        session.release();
        return sensors;
    }

    /** The device's power limit (watts), for the plausibility ceiling; empty when NVML cannot say. */
    private static OptionalDouble powerLimitWatts(NvmlBinding b, NvmlBinding.Device d) {
        Long mw = orNull(() -> b.powerLimitMilliwatts(d));
        return mw == null || mw <= 0 ? OptionalDouble.empty() : OptionalDouble.of(mw / 1000.0);
    }

    /**
     * A snapshot of every GPU for provenance (name, UUID, bus id, driver, power limit, memory, utilisation, clocks,
     * temperature, compute processes). Fields NVML cannot give are null. While this provider's sensors are open it
     * asks through their session (no nvmlInit/nvmlShutdown); otherwise it initialises NVML and shuts it down again.
     */
    public List<GpuFacts> gpuFacts(SensorOptions options) throws SensorException {
        NvmlSession session = openSession();
        if (session != null) {
            session.acquire(); // keeps NVML up while we ask, even if the meter closes meanwhile
        }
        Probed p;
        try {
            p = session != null ? inspect(session.binding()) : inspect(options);
        } catch (NvmlException e) {
            if (session != null) {
                session.release();
            }
            throw SensorException.of(unavailable(e, options.nvmlLibrary()));
        }
        NvmlBinding b = p.binding();
        List<GpuFacts> out = new ArrayList<>();
        try {
            int n = b.deviceCount();
            for (int i = 0; i < n; i++) {
                int index = i;
                NvmlBinding.Device d = orNull(() -> b.device(index));
                if (d == null) { // handle refused (e.g. a GPU not allocated to this job): nothing NVML can say
                    out.add(new GpuFacts(i, null, null, null, p.driver(), null, null, null, null, null, null, null,
                            null, "NONE"));
                    continue;
                }
                NvmlBinding.MemoryInfo mem = orNull(() -> b.memoryInfo(d));
                NvmlBinding.Utilization util = orNull(() -> b.utilization(d));
                List<NvmlBinding.ComputeProcess> procs = orNull(() -> b.computeProcesses(d));
                String source = p.plans().stream().filter(pl -> pl.device().index() == d.index())
                        .map(pl -> pl.method() == Method.COUNTER_DELTA ? "COUNTER" : "POWER").findFirst().orElse("NONE");
                out.add(new GpuFacts(i, orNull(() -> b.name(d)), orNull(() -> b.uuid(d)), orNull(() -> b.pciBusId(d)),
                        p.driver(), orNull(() -> b.powerLimitMilliwatts(d)),
                        mem == null ? null : mem.totalBytes(), mem == null ? null : mem.usedBytes(),
                        util == null ? null : util.gpuPercent(),
                        orNull(() -> b.clockMhz(d, NvmlBinding.ClockType.SM)),
                        orNull(() -> b.clockMhz(d, NvmlBinding.ClockType.MEMORY)),
                        orNull(() -> b.temperatureCelsius(d)),
                        procs == null ? null : procs.stream().map(NvmlBinding.ComputeProcess::pid).toList(), source));
            }
        } catch (NvmlException e) {
            throw SensorException.of(unavailable(e, options.nvmlLibrary()));
        } finally {
            if (session != null) {
                session.release();
            } else {
                try {
                    b.shutdown();
                } catch (NvmlException ignored) {
                    // best effort
                }
            }
        }
        return out;
    }

    private interface Query<T> {
        T get() throws NvmlException;
    }

    private static <T> T orNull(Query<T> q) {
        try {
            return q.get();
        } catch (NvmlException e) {
            return null;
        }
    }
}
