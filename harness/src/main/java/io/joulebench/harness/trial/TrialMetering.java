package io.joulebench.harness.trial;

import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.EnergyException;
import io.joulebench.energy.Method;
import io.joulebench.energy.Plausibility;
import io.joulebench.energy.SensorException;
import io.joulebench.energy.carbon.CarbonEstimate;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.IdleBaseline;
import io.joulebench.energy.meter.MeteringSession;
import io.joulebench.energy.meter.PowerTrace;
import io.joulebench.energy.meter.ProviderStatus;
import io.joulebench.energy.meter.SensorInfo;
import io.joulebench.energy.nvml.GpuFacts;
import io.joulebench.energy.nvml.NvmlProvider;
import io.joulebench.energy.process.ProcessTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The energy side of a series of trials: one meter opened before the first trial, one idle baseline measured
 * before any training, one metering session per trial.
 */
public final class TrialMetering implements AutoCloseable {
    /** Domain classes a user can insist on with {@code --require}. */
    public enum Requirement {
        GPU, CPU, DRAM;

        boolean metBy(SensorInfo s) {
            return switch (this) {
                case GPU -> s.domain().startsWith("gpu");
                case CPU -> s.domain().equals("cpu-package");
                case DRAM -> s.domain().equals("dram");
            } && s.method() != Method.MODELLED;
        }
    }

    private final EnergyMeter meter;
    private final CarbonSettings carbon;
    private IdleBaseline idle;
    private final EnergyScope scope;
    /** The trial's JVM and its children (an external trainer's command): what is attributed. */
    private final ProcessTree tree = ProcessTree.thisProcess();

    private TrialMetering(EnergyMeter meter, CarbonSettings carbon, IdleBaseline idle, EnergyScope scope) {
        this.meter = meter;
        this.carbon = carbon;
        this.idle = idle;
        this.scope = scope;
    }

    /**
     * Checks the requirements, then measures idle power for {@code idleWindow} (skipped when zero).
     *
     * @throws EnergyException when a required domain has no measured (non-modelled) sensor here, or its counter is
     *                         stale (does not advance) or gives no figure in the idle (or a short probe) window
     */
    public static TrialMetering start(EnergyMeter meter, CarbonSettings carbon, Duration idleWindow,
                                      Set<Requirement> required) throws EnergyException, InterruptedException {
        return start(meter, carbon, idleWindow, required, EnergyScope.MACHINE);
    }

    /** As {@link #start(EnergyMeter, CarbonSettings, Duration, Set)}, carbon in the given scope. */
    public static TrialMetering start(EnergyMeter meter, CarbonSettings carbon, Duration idleWindow,
                                      Set<Requirement> required, EnergyScope scope)
            throws EnergyException, InterruptedException {
        for (Requirement r : required) {
            if (meter.sensors().stream().noneMatch(r::metBy)) {
                throw new EnergyException("--require " + r.name().toLowerCase(Locale.ROOT) + ": no "
                        + r.name().toLowerCase(Locale.ROOT) + " energy can be measured here (" + why(meter) + ")");
            }
        }
        IdleBaseline idle = idleWindow.isZero() ? null : meter.measureIdle(idleWindow);
        requireAdvancing(meter, idle, required);
        return new TrialMetering(meter, carbon, idle, scope);
    }

    /** Meters trials against a baseline measured elsewhere (a forked trial gets its parent's). */
    public static TrialMetering withIdle(EnergyMeter meter, CarbonSettings carbon, IdleBaseline idle,
                                         EnergyScope scope) {
        return new TrialMetering(meter, carbon, idle, scope);
    }

    /** The scope carbon is computed in. */
    public EnergyScope scope() {
        return scope;
    }

    /** Measures the idle baseline again (long suites see drift); later trials use the new one. */
    public IdleBaseline remeasureIdle(Duration window) throws EnergyException, InterruptedException {
        idle = meter.measureIdle(window);
        return idle;
    }

    /**
     * Mean gross power over the additive domains during a short window now, or null when no domain has a figure:
     * what a cool-down compares against the idle baseline.
     */
    public Double currentWatts(Duration window) throws EnergyException, InterruptedException {
        MeteringSession s = meter.start(null);
        Thread.sleep(window.toMillis());
        EnergyReport r = s.stop();
        return r.totalJoules() == null || r.windowSeconds() <= 0 ? null : r.totalJoules() / r.windowSeconds();
    }

    /** Idle watts summed over the additive domains of the baseline, or null without one. */
    public Double idleWatts() {
        if (idle == null) {
            return null;
        }
        double sum = 0;
        boolean any = false;
        for (IdleBaseline.IdlePower p : idle.domains()) {
            if (p.watts() != null && new io.joulebench.energy.Domain(p.domain()).additive()) {
                sum += p.watts();
                any = true;
            }
        }
        return any ? sum : null;
    }

    /**
     * A required counter must move: checked on the idle window, or on a short probe window when the idle window is
     * skipped or too short to tell a stale counter (see {@link Plausibility#staleAfter}) from an idle one.
     */
    private static void requireAdvancing(EnergyMeter meter, IdleBaseline idle, Set<Requirement> required)
            throws EnergyException, InterruptedException {
        List<SensorInfo> needed = meter.sensors().stream().filter(s -> required.stream().anyMatch(r -> r.metBy(s)))
                .toList();
        if (needed.isEmpty()) {
            return;
        }
        Duration window = Duration.ZERO;
        for (SensorInfo s : needed) {
            Duration after = meter.sensor(s.domain()).filter(EnergyCounter.class::isInstance)
                    .map(c -> Plausibility.staleAfter(((EnergyCounter) c).nominalUpdatePeriod().orElse(null)))
                    .orElse(Duration.ZERO);
            window = after.compareTo(window) > 0 ? after : window;
        }
        window = window.plus(window.dividedBy(4)).plus(meter.options().interval()); // margin for late reads
        IdleBaseline probe = idle != null && idle.windowSeconds() >= window.toNanos() / 1e9 ? idle
                : meter.measureIdle(window);
        for (SensorInfo s : needed) {
            IdleBaseline.IdlePower p = probe.domains().stream().filter(d -> d.domain().equals(s.domain())).findFirst()
                    .orElse(null);
            if (p != null && (p.staleSeconds() != null || p.watts() == null)) {
                String option = required.stream().filter(r -> r.metBy(s)).findFirst().orElseThrow().name()
                        .toLowerCase(Locale.ROOT);
                throw new EnergyException("--require " + option + ": " + s.domain() + " (" + s.source() + ") "
                        + (p.reason() == null ? "gave no figure" : p.reason()) + "; fix the sensor, or drop "
                        + option + " from --require to accept it as n/a");
            }
        }
    }

    private static String why(EnergyMeter meter) {
        return meter.providers().stream().filter(p -> !p.available())
                .map(p -> p.id() + ": " + p.message() + (p.fix() == null || p.fix().isBlank() ? "" : "; " + p.fix()))
                .collect(Collectors.joining(" | "));
    }

    public IdleBaseline idle() {
        return idle;
    }

    public List<SensorInfo> sensors() {
        return meter.sensors();
    }

    public List<ProviderStatus> providers() {
        return meter.providers();
    }

    /** Starts metering one trial's training window. */
    public Session start() throws EnergyException {
        List<String> problems = new ArrayList<>();
        List<GpuFacts> gpus = gpuFacts(problems);
        return new Session(meter.start(idle, tree), gpus, problems);
    }

    /**
     * The GPUs' state now, asked through the meter's open NVML provider (its session: no nvmlInit/nvmlShutdown per
     * trial): empty without NVML; null (and a problem noted) when NVML fails to report.
     */
    private List<GpuFacts> gpuFacts(List<String> problems) {
        NvmlProvider nvml = meter.provider(NvmlProvider.class).orElse(null);
        if (nvml == null) {
            return List.of();
        }
        try {
            return nvml.gpuFacts(meter.options().sensors());
        } catch (SensorException e) {
            problems.add("GPU facts: " + e.getMessage());
            return null;
        }
    }

    /** One trial's metering. */
    public final class Session {
        private final MeteringSession session;
        private final List<GpuFacts> gpusAtStart;
        private final List<String> problems;

        private Session(MeteringSession session, List<GpuFacts> gpusAtStart, List<String> problems) {
            this.session = session;
            this.gpusAtStart = gpusAtStart;
            this.problems = problems;
        }

        public void mark(String phase) {
            session.mark(phase);
        }

        /** The session's per-domain power trace; available after {@link #stop()}. */
        public PowerTrace trace() {
            return session.trace();
        }

        /** Stops the window; a carbon or GPU-facts failure is recorded, never thrown, so the energy survives. */
        public TrialEnergy stop() {
            EnergyReport report = session.stop();
            List<GpuFacts> gpusAtEnd = gpuFacts(problems);
            CarbonEstimate estimate = null;
            try {
                estimate = carbon.estimate(report, session.trace(), session.attributedTrace().orElse(null), scope);
                if (estimate == null && scope == EnergyScope.PROCESS && report.totalJoules() != null) {
                    problems.add("carbon: --scope process, but no attributed figure ("
                            + (report.attributedNote() == null ? "nothing attributed" : report.attributedNote()) + ")");
                }
            } catch (EnergyException e) {
                problems.add("carbon: " + e.getMessage());
            }
            return new TrialEnergy(report, estimate, gpusAtStart, gpusAtEnd,
                    problems.isEmpty() ? null : String.join("; ", problems), scope);
        }
    }

    @Override
    public void close() {
        meter.close();
    }
}
