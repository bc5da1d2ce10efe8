package io.joulebench.energy.meter;

import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.Method;
import io.joulebench.energy.Plausibility;
import io.joulebench.energy.Reading;
import io.joulebench.energy.Sensor;
import io.joulebench.energy.UnavailableReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The readings of one sensor during a session: cumulative energy at every successful reading (counter deltas,
 * unwrapped; or trapezoid integral of power), failures, counter value changes. Not thread-safe: the session
 * serialises access.
 */
final class Track {
    final Sensor sensor;
    final Method method;
    private final boolean counter;
    private final OptionalLong wrapRange;
    /** Readings above this power (or counter deltas implying it) are rejected. */
    final double ceilingWatts;
    final String ceilingBasis;
    private final long slackNanos;

    // Successful readings: time, cumulative microjoules, watts (NaN unknown), cumulative trapezoid error bound (uJ).
    long[] times = new long[256];
    double[] cumUj = new double[256];
    double[] watts = new double[256];
    double[] cumErrUj = new double[256];
    int n;

    int gaps;
    /** Why and how often the session polls this counter by itself (small wrap range); null when it does not. */
    String ownPoll;
    int wraps;
    int resets;
    int discontinuities;
    String lastDiscontinuity;
    private long lastCounterWraps;
    private long lastCounterDisc;
    boolean lastGood;
    UnavailableReason firstFailureReason;
    String firstFailure;
    long firstFailureNanos;
    String lastFailure;

    /** One rejected reading: when, and why. */
    record Rejection(long nanos, String reason) {
    }

    final List<Rejection> rejections = new ArrayList<>();

    // Counter state.
    private long lastRaw;
    private boolean haveRaw;
    // A rejected counter value kept in case the counter jumped to a new level for good (then we go on from it).
    private long pendingRaw;
    private long pendingNanos;
    private boolean havePending;
    long[] changeTimes = new long[256];
    int changes;

    Track(Sensor sensor) {
        this.sensor = sensor;
        this.method = Method.of(sensor);
        this.counter = sensor instanceof EnergyCounter;
        this.wrapRange = counter ? ((EnergyCounter) sensor).wrapRangeMicrojoules() : OptionalLong.empty();
        this.ceilingWatts = Plausibility.ceilingWatts(sensor.powerLimitWatts());
        this.ceilingBasis = Plausibility.ceilingBasis(sensor.powerLimitWatts());
        long slack = Plausibility.MIN_COUNTER_SLACK.toNanos();
        if (counter) {
            slack = Math.max(slack, ((EnergyCounter) sensor).nominalUpdatePeriod()
                    .map(java.time.Duration::toNanos).orElse(Plausibility.UNKNOWN_UPDATE_PERIOD.toNanos()));
        }
        this.slackNanos = slack;
    }

    boolean counter() {
        return counter;
    }

    void accept(Reading r) {
        if (r instanceof Reading.Missing m) {
            if (m.reason() == UnavailableReason.IMPLAUSIBLE) { // the sensor itself rejected what it read
                rejections.add(new Rejection(m.nanoTime(), m.message()));
            }
            fail(m.reason(), m.message(), m.nanoTime());
        } else if (r instanceof Reading.Energy e && counter) {
            acceptEnergy(e);
        } else if (r instanceof Reading.Power p && !counter) {
            acceptPower(p);
        } else {
            fail(UnavailableReason.UNKNOWN, "sensor returned " + r.getClass().getSimpleName()
                    + " but is a " + (counter ? "counter" : "power sensor"), r.nanoTime());
        }
    }

    void fail(UnavailableReason reason, String message, long t) {
        gaps++;
        lastGood = false;
        if (firstFailure == null) {
            firstFailureReason = reason;
            firstFailure = message;
            firstFailureNanos = t;
        }
        lastFailure = message;
    }

    /** A reading that arrived but is implausible: a gap, with the reason kept for the record. */
    private void reject(String why, long t) {
        rejections.add(new Rejection(t, why));
        fail(UnavailableReason.IMPLAUSIBLE, "rejected: " + why, t);
    }

    private boolean plausible(long deltaUj, long dtNanos) {
        return deltaUj / 1e6 <= ceilingWatts * (Math.max(0, dtNanos) + slackNanos) / 1e9;
    }

    private void acceptEnergy(Reading.Energy e) {
        EnergyCounter ec = (EnergyCounter) sensor;
        long counterWraps = ec.wrapsCorrected();
        long counterDisc = ec.discontinuities();
        if (haveRaw) { // what the counter corrected or gave up on since this track's previous reading
            wraps += (int) (counterWraps - lastCounterWraps);
            if (counterDisc > lastCounterDisc) {
                discontinuities += (int) (counterDisc - lastCounterDisc);
                lastDiscontinuity = ec.lastDiscontinuity();
                rejections.add(new Rejection(e.nanoTime(), lastDiscontinuity));
            }
        }
        lastCounterWraps = counterWraps;
        lastCounterDisc = counterDisc;
        long raw = e.microjoules();
        long t = e.nanoTime();
        double cum = n == 0 ? 0.0 : cumUj[n - 1];
        double w = Double.NaN;
        if (haveRaw) {
            long delta = raw - lastRaw;
            boolean wrapped = delta < 0 && wrapRange.isPresent();
            if (wrapped) {
                delta += wrapRange.getAsLong();
            }
            long dt = t - times[n - 1];
            if (delta > 0 && !plausible(delta, dt)) {
                if (havePending && raw >= pendingRaw && plausible(raw - pendingRaw, t - pendingNanos)) {
                    // The counter moved to a new level and stays there: go on from it; the jump is not counted.
                    rejections.add(new Rejection(t, "counter went on from its new level; the jump was not counted"));
                    delta = raw - pendingRaw;
                    wrapped = false;
                } else {
                    reject(String.format(Locale.ROOT, "counter advanced %.3f J in %.3f s (%.0f W), above the "
                            + "plausible ceiling %s", delta / 1e6, dt / 1e9, delta / 1e6 / Math.max(dt, 1) * 1e9,
                            ceilingBasis), t);
                    pendingRaw = raw;
                    pendingNanos = t;
                    havePending = true;
                    return;
                }
            }
            havePending = false;
            if (wrapped) {
                wraps++;
            } else if (delta < 0) {
                // A counter that goes backwards without a known range was reset: count nothing across it.
                resets++;
                delta = 0;
            }
            if (delta != 0) {
                recordChange(t);
            }
            cum += delta;
            if (dt > 0) {
                w = delta / 1e6 / (dt / 1e9);
            }
        }
        lastRaw = raw;
        haveRaw = true;
        append(t, cum, w, n == 0 ? 0.0 : cumErrUj[n - 1]);
    }

    private void acceptPower(Reading.Power p) {
        double w = p.milliwatts() / 1000.0;
        if (w > ceilingWatts) {
            reject(String.format(Locale.ROOT, "power %.3f W above the plausible ceiling %s", w, ceilingBasis),
                    p.nanoTime());
            return;
        }
        double cum = 0.0;
        double err = 0.0;
        if (n > 0) {
            double dt = (p.nanoTime() - times[n - 1]) / 1e9;
            double prevW = watts[n - 1];
            cum = cumUj[n - 1] + (prevW + w) / 2.0 * dt * 1e6;
            err = cumErrUj[n - 1] + Math.abs(w - prevW) * dt / 2.0 * 1e6;
        }
        append(p.nanoTime(), cum, w, err);
    }

    private void recordChange(long t) {
        if (changes == changeTimes.length) {
            changeTimes = Arrays.copyOf(changeTimes, changes * 2);
        }
        changeTimes[changes++] = t;
    }

    private void append(long t, double cum, double w, double err) {
        if (n == times.length) {
            int c = n * 2;
            times = Arrays.copyOf(times, c);
            cumUj = Arrays.copyOf(cumUj, c);
            watts = Arrays.copyOf(watts, c);
            cumErrUj = Arrays.copyOf(cumErrUj, c);
        }
        times[n] = t;
        cumUj[n] = cum;
        watts[n] = w;
        cumErrUj[n] = err;
        n++;
        lastGood = true;
    }

    /** State at a boundary (start, mark, stop). */
    record Snap(int n, int gaps, boolean good, int changes) {
    }

    Snap snap() {
        return new Snap(n, gaps, lastGood, changes);
    }

    /** Median spacing of counter value changes among the first {@code upTo} changes, ms; null if fewer than 3. */
    Double updatePeriodMillis(int from, int upTo) {
        int k = upTo - from;
        if (k < 3) {
            return null;
        }
        long[] d = new long[k - 1];
        for (int i = from + 1; i < upTo; i++) {
            d[i - from - 1] = changeTimes[i] - changeTimes[i - 1];
        }
        Arrays.sort(d);
        double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2.0;
        return median / 1e6;
    }

    /**
     * True when the counter changed at (nearly) every successful reading among the first {@code upToN} readings
     * (first {@code upToChanges} changes): it updates at least as often as it is read, so the update period cannot
     * be resolved from the readings (the median change spacing would just be the sampler's spacing).
     */
    boolean changesEverySample(int upToN, int upToChanges) {
        int pairs = 0; // consecutive readings with time between them (a mark or stop right after a sample has none)
        long[] d = new long[Math.max(0, upToN - 1)];
        for (int i = 1; i < upToN; i++) {
            long dt = times[i] - times[i - 1];
            if (dt > 0) {
                d[pairs++] = dt;
            }
        }
        if (pairs == 0 || upToChanges == 0) {
            return false;
        }
        if (upToChanges >= 0.9 * pairs) {
            return true;
        }
        // Many readings: the median change spacing is no longer than about one sample spacing.
        Double period = updatePeriodMillis(0, upToChanges);
        Arrays.sort(d, 0, pairs);
        return period != null && period <= 1.5 * d[pairs / 2] / 1e6;
    }

    /** The longest stretch in readings [a, b] in which the counter did not advance: nanos, and whether it reaches b. */
    record StandStill(long nanos, long startNanos, boolean toEnd) {
    }

    StandStill longestStandStill(int a, int b) {
        long since = times[a];
        long best = 0;
        long bestStart = since;
        boolean toEnd = false;
        for (int i = a + 1; i <= b; i++) {
            if (cumUj[i] != cumUj[i - 1]) {
                since = times[i];
            }
            long still = times[i] - since;
            if (still >= best) {
                best = still;
                bestStart = since;
                toEnd = i == b;
            }
        }
        return new StandStill(best, bestStart, toEnd && best > 0);
    }

    /** The rejections between two monotonic times (inclusive). */
    List<String> rejections(long fromNanos, long toNanos, long t0) {
        List<String> out = new ArrayList<>();
        for (Rejection r : rejections) {
            if (r.nanos() >= fromNanos && r.nanos() <= toNanos) {
                out.add(String.format(Locale.ROOT, "t=%.3f s: %s", (r.nanos() - t0) / 1e9, r.reason()));
            }
        }
        return out;
    }

    /** Median spacing of successful readings in [a, b), ms; null if fewer than 2. */
    Double medianSampleSpacingMillis(int a, int b) {
        if (b - a < 2) {
            return null;
        }
        long[] d = new long[b - a - 1];
        for (int i = a + 1; i < b; i++) {
            d[i - a - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(d);
        return d[d.length / 2] / 1e6;
    }
}
