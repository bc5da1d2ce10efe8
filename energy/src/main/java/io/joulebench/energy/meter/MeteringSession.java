package io.joulebench.energy.meter;

import io.joulebench.energy.Domain;
import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.Method;
import io.joulebench.energy.Plausibility;
import io.joulebench.energy.Quality;
import io.joulebench.energy.Reading;
import io.joulebench.energy.UnavailableReason;
import io.joulebench.energy.model.ModelProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One metering window: reads every sensor at start, on every {@link #mark}, at {@link #stop}, and every interval in
 * between on a named daemon thread ({@value #THREAD_NAME}). All stamps come from one monotonic clock. A sensor that
 * fails mid-run makes its domain PARTIAL or UNAVAILABLE; the session goes on.
 */
public final class MeteringSession implements AutoCloseable {

    /** Name of the sampler thread. */
    public static final String THREAD_NAME = "joulebench-energy-sampler";
    /** Phase name of the stretch between the session start and the first mark. */
    public static final String BEFORE_FIRST_MARK = "(before first mark)";
    /** Below this many counter updates a window is flagged. */
    public static final int MIN_COUNTER_UPDATES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(MeteringSession.class);

    private record Boundary(String phase, long nanos, List<Track.Snap> snaps) {
    }

    private final EnergyMeter meter;
    private final List<Track> tracks;
    private final LongSupplier clock;
    private final Duration interval;
    private final IdleBaseline baseline;
    private final Instant startedAt;
    private final List<Boundary> boundaries = new ArrayList<>();
    private final ScheduledExecutorService executor;
    private final ScheduledFuture<?> task;
    private ScheduledFuture<?> fastTask;
    private volatile Thread samplerThread;
    private final Attribution attribution;
    private EnergyReport report;
    private PowerTrace trace;
    private PowerTrace attributedTrace;

    MeteringSession(EnergyMeter meter, List<Track> tracks, LongSupplier clock, Duration interval, IdleBaseline baseline,
                    Attribution attribution) {
        this.meter = meter;
        this.attribution = attribution;
        this.tracks = List.copyOf(tracks);
        this.clock = clock;
        this.interval = interval;
        this.baseline = baseline;
        this.startedAt = Instant.now();
        synchronized (this) {
            long t0 = clock.getAsLong(); // the window opens before the first readings, so trace times are >= 0
            sampleNow();
            boundaries.add(new Boundary(null, t0, snaps()));
        }
        if (interval.isZero()) {
            executor = null;
            task = null;
        } else {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, THREAD_NAME);
                t.setDaemon(true);
                samplerThread = t;
                return t;
            });
            long ns = interval.toNanos();
            task = executor.scheduleAtFixedRate(this::sampleSafely, ns, ns, TimeUnit.NANOSECONDS);
            Duration own = ownPollPeriod(this.tracks, interval);
            if (own != null) {
                List<Track> fast = this.tracks.stream().filter(t -> t.ownPoll != null).toList();
                long p = own.toNanos();
                fastTask = executor.scheduleAtFixedRate(() -> sampleSafely(fast), p, p, TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * The period at which counters that could wrap twice within the sampler interval are read by themselves (a
     * quarter of their shortest wrap time, at least {@link MeterOptions#MIN_INTERVAL}); null when none needs it.
     * Marks those tracks and notes why in their record.
     */
    private static Duration ownPollPeriod(List<Track> tracks, Duration interval) {
        Duration fastest = null;
        for (Track t : tracks) {
            if (t.sensor instanceof EnergyCounter c) {
                Duration wrap = c.shortestWrapTime().orElse(null);
                if (wrap != null && interval.multipliedBy(2).compareTo(wrap) > 0) {
                    Duration p = wrap.dividedBy(4);
                    p = p.compareTo(MeterOptions.MIN_INTERVAL) < 0 ? MeterOptions.MIN_INTERVAL : p;
                    t.ownPoll = String.format(Locale.ROOT, "polled every %.1f ms by itself: its counter can wrap in "
                            + "%.3f s at plausible maximum power, too soon for the %d ms sampler interval",
                            p.toNanos() / 1e6, wrap.toNanos() / 1e9, interval.toMillis());
                    fastest = fastest == null || p.compareTo(fastest) < 0 ? p : fastest;
                }
            }
        }
        return fastest;
    }

    private void sampleSafely() {
        sampleSafely(tracks);
    }

    private void sampleSafely(List<Track> which) {
        try {
            synchronized (this) {
                if (report == null) {
                    sampleNow(which);
                }
            }
        } catch (Throwable t) { // never let the executor drop the schedule silently
            LOG.warn("energy sampler: {}", t.toString());
        }
    }

    /** Reads every sensor now (the sampler thread calls this; in manual mode the caller does). */
    public synchronized void sample() {
        if (report != null) {
            return;
        }
        sampleNow();
    }

    private void sampleNow() {
        sampleNow(tracks);
    }

    private void sampleNow(List<Track> which) {
        for (Track tr : which) {
            Reading r;
            try {
                r = tr.sensor.read();
                Objects.requireNonNull(r, "reading");
            } catch (RuntimeException e) {
                r = new Reading.Missing(UnavailableReason.SENSOR_FAILED, "sensor threw " + e, clock.getAsLong());
            }
            tr.accept(r);
        }
        if (attribution != null && which == tracks) {
            attribution.sample(clock.getAsLong(), tracks);
        }
    }

    private List<Track.Snap> snaps() {
        List<Track.Snap> s = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            s.add(t.snap());
        }
        return s;
    }

    /** Starts phase {@code phase} now (ends the previous one): reads every sensor at the boundary. */
    public synchronized void mark(String phase) {
        Objects.requireNonNull(phase, "phase");
        if (report != null) {
            throw new IllegalStateException("session already stopped");
        }
        sampleNow();
        boundaries.add(new Boundary(phase, clock.getAsLong(), snaps()));
    }

    /** Monotonic seconds since the start. */
    public double elapsedSeconds() {
        return (clock.getAsLong() - boundaries.get(0).nanos()) / 1e9;
    }

    /** Stops sampling and returns the report; later calls return the same report. */
    public EnergyReport stop() {
        Double cpuSeconds = null;
        if (task != null) {
            task.cancel(false);
            if (fastTask != null) {
                fastTask.cancel(false);
            }
            Thread t = samplerThread;
            if (t != null) {
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                if (mx.isThreadCpuTimeSupported()) {
                    long ns = mx.getThreadCpuTime(t.getId());
                    cpuSeconds = ns < 0 ? null : ns / 1e9;
                }
            }
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("energy sampler did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (report != null) {
                return report;
            }
            sampleNow();
            boundaries.add(new Boundary(null, clock.getAsLong(), snaps()));
            report = buildReport(cpuSeconds);
            trace = buildTrace();
            attributedTrace = attribution == null ? null : new PowerTrace(startedAt.toString(),
                    attribution.trace(tracks, report.attributed(), boundaries.get(0).nanos()));
        }
        meter.sessionEnded(this);
        return report;
    }

    /** The power trace; available after {@link #stop()}. */
    public synchronized PowerTrace trace() {
        if (trace == null) {
            throw new IllegalStateException("trace is available after stop()");
        }
        return trace;
    }

    /** The attributed energy's cumulative trace, per attributed domain; empty without attribution. After stop(). */
    public synchronized java.util.Optional<PowerTrace> attributedTrace() {
        if (trace == null) {
            throw new IllegalStateException("trace is available after stop()");
        }
        return java.util.Optional.ofNullable(attributedTrace);
    }

    @Override
    public void close() {
        stop();
    }

    // ---- report building ----

    private EnergyReport buildReport(Double cpuSeconds) {
        Boundary first = boundaries.get(0);
        Boundary last = boundaries.get(boundaries.size() - 1);
        double window = (last.nanos() - first.nanos()) / 1e9;
        List<DomainEnergy> domains = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            domains.add(domainEnergy(tracks.get(i), first.snaps().get(i), last.snaps().get(i), window,
                    first.nanos(), last.nanos()));
        }
        List<PhaseEnergy> phases = new ArrayList<>();
        if (boundaries.size() > 2) {
            for (int b = 0; b < boundaries.size() - 1; b++) {
                Boundary from = boundaries.get(b);
                Boundary to = boundaries.get(b + 1);
                double dur = (to.nanos() - from.nanos()) / 1e9;
                List<PhaseDomainEnergy> pd = new ArrayList<>();
                Double total = null;
                for (int i = 0; i < tracks.size(); i++) {
                    DomainEnergy de = domainEnergy(tracks.get(i), from.snaps().get(i), to.snaps().get(i), dur,
                            from.nanos(), to.nanos());
                    pd.add(new PhaseDomainEnergy(de.domain(), de.method(), de.quality(), de.joules(), de.idleJoules(),
                            de.netJoules(), de.samples(), de.gaps(), de.reason()));
                    if (de.joules() != null && tracks.get(i).sensor.domain().additive()) {
                        total = (total == null ? 0.0 : total) + de.joules();
                    }
                }
                phases.add(new PhaseEnergy(from.phase() == null ? BEFORE_FIRST_MARK : from.phase(),
                        (from.nanos() - first.nanos()) / 1e9, dur, pd, total));
            }
        }
        Double total = null;
        Double idle = null;
        List<String> excluded = new ArrayList<>();
        boolean idleComplete = baseline != null;
        for (DomainEnergy d : domains) {
            if (!Domain.CPU_PACKAGE.id().equals(d.domain()) && !Domain.DRAM.id().equals(d.domain())
                    && !d.domain().startsWith("gpu:")) {
                excluded.add(d.domain() + " (overlaps other domains)");
                continue;
            }
            if (d.joules() == null) {
                excluded.add("leaves out UNAVAILABLE " + d.domain() + " (" + d.reason() + ")");
                continue;
            }
            if (d.quality() == Quality.PARTIAL) {
                excluded.add("includes PARTIAL " + d.domain() + " (" + d.reason() + ")");
            }
            total = (total == null ? 0.0 : total) + d.joules();
            if (d.idleJoules() != null) {
                idle = (idle == null ? 0.0 : idle) + d.idleJoules();
            } else {
                idleComplete = false;
            }
        }
        if (baseline != null && !idleComplete) {
            excluded.add("idle/net: some domains have no idle figure, totals for idle/net omitted");
            idle = null;
        }
        Double net = total != null && idle != null ? total - idle : null;
        List<AttributedEnergy> attributed = attribution == null ? List.of() : attribution.compute(tracks, domains);
        Double attributedTotal = null;
        List<String> left = new ArrayList<>();
        for (AttributedEnergy a : attributed) {
            if (a.joules() != null) {
                attributedTotal = (attributedTotal == null ? 0.0 : attributedTotal) + a.joules();
            } else {
                left.add("leaves out UNAVAILABLE " + a.domain() + " (" + a.reason() + ")");
            }
        }
        for (DomainEnergy d : domains) {
            if (new Domain(d.domain()).isGpu() && attribution != null) {
                left.add(d.domain() + " not attributed (no per-process share of GPU energy; its machine figure "
                        + "stands alone)");
            }
        }
        return new EnergyReport(startedAt.toString(), window, interval.toNanos() / 1e6, domains, phases, total, idle,
                net, excluded.isEmpty() ? null : String.join("; ", excluded), baseline, cpuSeconds,
                cpuSeconds == null || window <= 0 ? null : cpuSeconds / window, attributed, attributedTotal,
                left.isEmpty() ? null : String.join("; ", left));
    }

    private DomainEnergy domainEnergy(Track t, Track.Snap from, Track.Snap to, double windowSeconds, long fromNanos,
                                      long toNanos) {
        Domain domain = t.sensor.domain();
        List<String> notes = new ArrayList<>();
        List<String> rejections = t.rejections(fromNanos, toNanos, boundaries.get(0).nanos());
        int firstGood = from.good() ? from.n() - 1 : from.n();
        int lastGood = to.n() - 1;
        int samples = to.n() - from.n() + (from.good() ? 1 : 0);
        // The reading at a phase end (a mark) failed but a later one succeeded: the interval from the last good
        // reading before the mark to the first good one after it goes to this (the earlier) phase, so that the
        // phases still add up to the window (the next phase starts at that first good reading).
        boolean extended = !to.good() && t.n > to.n() && lastGood >= 0;
        if (extended) {
            lastGood = to.n();
            samples++;
        }
        int gaps = to.gaps() - from.gaps();
        // A counter that changed at (nearly) every reading updates faster than it is read: its period is unresolved
        // (the median change spacing would only be the sampler's spacing).
        boolean unresolved = t.counter() && t.changesEverySample(to.n(), to.changes());
        Double period = t.counter() && !unresolved ? t.updatePeriodMillis(0, to.changes()) : null;
        Double samplerSpacing = t.medianSampleSpacingMillis(0, to.n());
        double samplerMs = samplerSpacing != null ? samplerSpacing : interval.toNanos() / 1e6;
        Duration nominal = t.counter() ? ((EnergyCounter) t.sensor).nominalUpdatePeriod().orElse(null) : null;
        Integer updates = t.counter() ? to.changes() - from.changes() : null;
        if (t.method == Method.MODELLED) {
            notes.add("MODELLED: an estimate, not a measurement");
        }
        if (t.ownPoll != null) {
            notes.add(t.ownPoll);
        }
        if (lastGood - firstGood < 1 || firstGood < 0) {
            String why = t.firstFailure != null ? t.firstFailure : "fewer than two successful readings in the window";
            return new DomainEnergy(domain.id(), domain.scope(), t.sensor.providerId(), t.sensor.description(),
                    Method.UNAVAILABLE, Quality.UNAVAILABLE, null, null, null, null, null, null, samples, gaps, period,
                    updates, 0.0, why, notes, rejections, null);
        }
        double joules = (t.cumUj[lastGood] - t.cumUj[firstGood]) / 1e6;
        double covered = (t.times[lastGood] - t.times[firstGood]) / 1e9;
        Track.StandStill still = t.counter() && t.method != Method.MODELLED
                ? t.longestStandStill(firstGood, lastGood) : null;
        Duration staleAfter = Plausibility.staleAfter(nominal);
        Double staleSeconds = still != null && still.nanos() >= staleAfter.toNanos() ? still.nanos() / 1e9 : null;
        String staleWhat = staleSeconds == null ? null : String.format(Locale.ROOT, "stale counter: did not advance "
                + "for %.3f s from t=%.3f s (stale after %.3f s: a powered device moves its counter every update)",
                staleSeconds, (still.startNanos() - boundaries.get(0).nanos()) / 1e9, staleAfter.toNanos() / 1e9);
        if (staleSeconds != null && still.nanos() >= t.times[lastGood] - t.times[firstGood]) {
            // It never moved: 0 J here means a frozen or unsupported counter, not an idle device.
            return new DomainEnergy(domain.id(), domain.scope(), t.sensor.providerId(), t.sensor.description(),
                    Method.UNAVAILABLE, Quality.UNAVAILABLE, null, null, null, null, null, null, samples, gaps, period,
                    updates, covered, staleWhat + "; no figure (check the sensor, driver or firmware, or accept the "
                    + "MODELLED estimate)", notes, rejections, staleSeconds);
        }
        Double avgW = covered > 0 ? joules / covered : null;

        Quality quality = Quality.COMPLETE;
        String reason = null;
        if (gaps > 0 || !from.good() || !to.good()) {
            quality = Quality.PARTIAL;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%d of %d readings failed", gaps, gaps + samples));
            if (t.lastFailure != null) {
                sb.append(" (").append(t.firstFailure).append(')');
            }
            if (extended) {
                sb.append(String.format(Locale.ROOT, "; reading at the phase end failed: the interval up to the next "
                        + "good reading is counted in this phase (figure covers %.3f s of a %.3f s phase)", covered,
                        windowSeconds));
            } else if (!to.good()) {
                sb.append(String.format(Locale.ROOT, "; sensor failing at the end: figure covers %.3f of %.3f s",
                        covered, windowSeconds));
            } else if (!from.good()) {
                sb.append(String.format(Locale.ROOT, "; sensor failing at the start: figure covers %.3f of %.3f s",
                        covered, windowSeconds));
            } else if (t.counter()) {
                sb.append("; counter delta across the gaps kept (exact unless a counter wrapped more than once)");
            } else {
                sb.append("; power interpolated linearly across the gaps");
            }
            reason = sb.toString();
        }
        if (staleSeconds != null) {
            quality = Quality.PARTIAL;
            reason = (reason == null ? "" : reason + "; ") + staleWhat + (still.toEnd()
                    ? ": the figure misses the energy after it" : ", then moved on: its delta spans that stretch");
        }
        if (!rejections.isEmpty()) {
            notes.add(rejections.size() + " reading(s) rejected as implausible (above " + t.ceilingBasis + ")");
        }
        if (t.wraps > 0) {
            notes.add(t.wraps + " counter wrap(s) corrected");
        }
        if (t.resets > 0) {
            notes.add(t.resets + " counter reset(s): energy across them not counted");
            quality = Quality.PARTIAL;
            reason = reason == null ? "counter went backwards without a known wrap range" : reason;
        }
        if (t.discontinuities > 0) {
            notes.add(t.discontinuities + " possible missed wrap(s) or counter reset(s): energy across them not counted");
            quality = Quality.PARTIAL;
            reason = reason == null ? t.lastDiscontinuity : reason + "; " + t.lastDiscontinuity;
        }
        if (unresolved) {
            notes.add(String.format(Locale.ROOT, "counter updates faster than the sampler (< %.1f ms): update period "
                    + "not resolved", samplerMs));
            if (nominal != null && covered * 1e9 / nominal.toNanos() < MIN_COUNTER_UPDATES) {
                notes.add(String.format(Locale.ROOT, "window spans about %.0f nominal counter updates (< %d): "
                        + "quantisation of the counter dominates", covered * 1e9 / nominal.toNanos(),
                        MIN_COUNTER_UPDATES));
            }
        } else if (updates != null && updates < MIN_COUNTER_UPDATES) {
            notes.add("window spans " + updates + " counter updates (< " + MIN_COUNTER_UPDATES
                    + "): quantisation of the counter dominates");
        }

        double u;
        String basis;
        if (t.method == Method.MODELLED) {
            u = ModelProvider.ASSUMED_RELATIVE_ERROR * Math.abs(joules);
            basis = String.format(Locale.ROOT, "assumed +/-%.0f %% model error (not measured; see docs/energy.md)",
                    ModelProvider.ASSUMED_RELATIVE_ERROR * 100);
        } else if (t.counter()) {
            Double spacing = t.medianSampleSpacingMillis(firstGood, lastGood + 1);
            double tUpd;
            String periodBasis;
            if (period != null) {
                tUpd = period;
                periodBasis = "detected from the readings";
            } else if (nominal != null) {
                tUpd = nominal.toNanos() / 1e6;
                periodBasis = "nominal, as the sensor declares it";
            } else {
                tUpd = spacing != null ? spacing : samplerMs;
                periodBasis = unresolved ? "sampler spacing, an upper bound: the counter updates faster"
                        : "sampler spacing: too few counter changes to detect the period";
            }
            double res = ((EnergyCounter) t.sensor).resolutionMicrojoules() / 1e6;
            double p = avgW == null ? 0.0 : avgW;
            u = Math.sqrt(2.0) * (p * tUpd / 1000.0 + res);
            basis = String.format(Locale.ROOT, "sqrt(2) x (mean power x counter update period %.3f ms (%s) + "
                    + "resolution %.6f J): each window edge may lag by one update; sensor calibration not included",
                    tUpd, periodBasis, res);
        } else {
            u = (t.cumErrUj[lastGood] - t.cumErrUj[firstGood]) / 1e6;
            basis = "half the difference of left and right Riemann sums of the sampled power (trapezoid "
                    + "discretisation); sensor averaging and calibration not included";
        }
        Double idleJ = null;
        Double netJ = null;
        if (baseline != null) {
            Double pIdle = baseline.watts(domain.id()).orElse(null);
            if (pIdle != null) {
                if (quality == Quality.PARTIAL) {
                    // The gross figure covers only part of the window: compare it with idle over the same span.
                    idleJ = pIdle * covered;
                    notes.add(String.format(Locale.ROOT, "idle scaled to the %.3f s the figure covers (of %.3f s)",
                            covered, windowSeconds));
                } else {
                    idleJ = pIdle * windowSeconds;
                }
                netJ = joules - idleJ;
            } else {
                notes.add("no idle figure for this domain: idle/net not given");
            }
        }
        return new DomainEnergy(domain.id(), domain.scope(), t.sensor.providerId(), t.sensor.description(), t.method,
                quality, joules, avgW, idleJ, netJ, u, basis, samples, gaps, period, updates, covered, reason, notes,
                rejections, staleSeconds);
    }

    private PowerTrace buildTrace() {
        long t0 = boundaries.get(0).nanos();
        List<PowerTrace.DomainTrace> out = new ArrayList<>();
        for (Track t : tracks) {
            List<PowerTrace.Point> pts = new ArrayList<>(t.n);
            for (int i = 0; i < t.n; i++) {
                pts.add(new PowerTrace.Point((t.times[i] - t0) / 1e9, Double.isNaN(t.watts[i]) ? null : t.watts[i],
                        t.cumUj[i] / 1e6));
            }
            out.add(new PowerTrace.DomainTrace(t.sensor.domain().id(), t.method, pts));
        }
        return new PowerTrace(startedAt.toString(), out);
    }
}
