package io.joulebench.energy.rapl;

import io.joulebench.energy.Domain;
import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.Plausibility;
import io.joulebench.energy.Reading;
import io.joulebench.energy.UnavailableReason;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The energy of one domain as the sum of its zones (e.g. package-0 + package-1). Each zone is unwrapped with its own
 * {@code max_energy_range_uj}, so the value this counter returns is monotonic and does not wrap. If any zone cannot
 * be read the whole reading is {@link Reading.Missing} (a partial sum would be wrong); when the zone comes back the
 * energy across the gap is recovered from the counter, assuming at most one wrap per zone. An interval in which a
 * zone could have wrapped more than once (longer than its shortest wrap time), or whose unwrapped delta exceeds
 * what plausible maximum power could give (a counter reset, zone re-registered), is not counted: it is a
 * {@link #discontinuities() discontinuity}, and the meter makes the domain PARTIAL.
 */
public final class RaplCounter implements EnergyCounter {

    /** Power assumed when a zone states no maximum, for the wrap-time check: generous on purpose. */
    static final double DEFAULT_PLAUSIBLE_MAX_WATTS = 1000.0;

    /** The documented update period of RAPL energy counters. */
    static final Duration NOMINAL_UPDATE_PERIOD = Duration.ofMillis(1);

    private final Domain domain;
    private final List<PowercapZone> zones;
    private final SysfsReader reader;
    private final LongSupplier clock;
    private final long[] lastRaw;
    private final long[] accumulated;
    private final boolean[] seen;
    private final long[] lastNanos;
    private long wraps;
    private long discontinuities;
    private String lastDiscontinuity;

    RaplCounter(Domain domain, List<PowercapZone> zones, SysfsReader reader, LongSupplier clock) {
        this.domain = domain;
        this.zones = List.copyOf(zones);
        this.reader = reader;
        this.clock = clock;
        this.lastRaw = new long[zones.size()];
        this.accumulated = new long[zones.size()];
        this.seen = new boolean[zones.size()];
        this.lastNanos = new long[zones.size()];
    }

    /**
     * Power above which a delta is taken for a counter reset: {@link Plausibility#ceilingWatts} of the zone's
     * {@code constraint_0_max_power_uw} (often the long-term limit PL1, which turbo exceeds; the 5 kW floor covers it).
     */
    static double ceilingWatts(PowercapZone z) {
        return Plausibility.ceilingWatts(limitWatts(z));
    }

    private static OptionalDouble limitWatts(PowercapZone z) {
        return z.maxPowerMicrowatts().isPresent()
                ? OptionalDouble.of(z.maxPowerMicrowatts().getAsLong() / 1e6) : OptionalDouble.empty();
    }

    /** The sum of the zones' stated maximum power, when every zone states one. */
    @Override
    public OptionalDouble powerLimitWatts() {
        double sum = 0;
        for (PowercapZone z : zones) {
            OptionalDouble w = limitWatts(z);
            if (w.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += w.getAsDouble();
        }
        return OptionalDouble.of(sum);
    }

    /** Slack added to the elapsed time in the plausibility check: a counter step may land just after a read. */
    static final double PLAUSIBILITY_SLACK_SECONDS = 0.010;

    /** Power a zone cannot plausibly exceed: twice its stated maximum, else {@value #DEFAULT_PLAUSIBLE_MAX_WATTS} W. */
    static double plausibleMaxWatts(PowercapZone z) {
        return z.maxPowerMicrowatts().isPresent()
                ? 2.0 * z.maxPowerMicrowatts().getAsLong() / 1e6 : DEFAULT_PLAUSIBLE_MAX_WATTS;
    }

    @Override
    public Domain domain() {
        return domain;
    }

    @Override
    public String providerId() {
        return RaplProvider.ID;
    }

    @Override
    public String description() {
        return "RAPL " + zones.stream().map(z -> z.qualifiedName() + " (" + z.id() + ")")
                .collect(Collectors.joining(" + "));
    }

    /** The zones summed. */
    public List<PowercapZone> zones() {
        return zones;
    }

    @Override
    public Optional<Duration> shortestWrapTime() {
        double best = Double.POSITIVE_INFINITY;
        for (PowercapZone z : zones) {
            double watts = plausibleMaxWatts(z);
            best = Math.min(best, z.maxEnergyRangeUj() / 1e6 / watts);
        }
        return Double.isFinite(best) ? Optional.of(Duration.ofNanos((long) (best * 1e9))) : Optional.empty();
    }

    /**
     * RAPL energy status registers update about every 1 ms (Intel SDM vol. 3B, "Package RAPL Domain":
     * MSR_PKG_ENERGY_STATUS is updated approximately every 1 ms; AMD's RAPL MSRs behave alike).
     */
    @Override
    public Optional<Duration> nominalUpdatePeriod() {
        return Optional.of(NOMINAL_UPDATE_PERIOD);
    }

    @Override
    public synchronized long wrapsCorrected() {
        return wraps;
    }

    @Override
    public synchronized long discontinuities() {
        return discontinuities;
    }

    @Override
    public synchronized String lastDiscontinuity() {
        return lastDiscontinuity;
    }

    @Override
    public synchronized Reading read() {
        long[] raw = new long[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            PowercapZone z = zones.get(i);
            try {
                raw[i] = Long.parseLong(reader.read(z.energyFile()));
                if (raw[i] < 0 || raw[i] > z.maxEnergyRangeUj()) {
                    return new Reading.Missing(UnavailableReason.IMPLAUSIBLE, "RAPL zone " + z.id() + ": energy_uj "
                            + raw[i] + " outside [0, max_energy_range_uj " + z.maxEnergyRangeUj() + "]; rejected",
                            clock.getAsLong());
                }
            } catch (NoSuchFileException e) {
                return new Reading.Missing(UnavailableReason.SENSOR_FAILED,
                        "RAPL zone " + z.id() + " (" + z.qualifiedName() + ") vanished: " + e.getFile(), clock.getAsLong());
            } catch (AccessDeniedException e) {
                return new Reading.Missing(UnavailableReason.NO_PERMISSION,
                        "RAPL zone " + z.id() + ": permission denied reading energy_uj. " + RaplProvider.PERMISSION_FIX,
                        clock.getAsLong());
            } catch (IOException e) {
                return new Reading.Missing(UnavailableReason.SENSOR_FAILED,
                        "RAPL zone " + z.id() + ": " + e.getMessage(), clock.getAsLong());
            } catch (NumberFormatException e) {
                return new Reading.Missing(UnavailableReason.IMPLAUSIBLE, "RAPL zone " + z.id()
                        + ": unreadable energy_uj (" + e.getMessage() + "); rejected", clock.getAsLong());
            }
        }
        long t = clock.getAsLong();
        long total = 0;
        for (int i = 0; i < raw.length; i++) {
            if (seen[i]) {
                PowercapZone z = zones.get(i);
                long delta = raw[i] - lastRaw[i];
                boolean wrapped = delta < 0;
                if (wrapped) {
                    delta += z.maxEnergyRangeUj();
                }
                double dt = (t - lastNanos[i]) / 1e9;
                double maxW = plausibleMaxWatts(z);
                double wrapSeconds = z.maxEnergyRangeUj() / 1e6 / maxW;
                String suspect = null;
                if (dt > wrapSeconds) {
                    suspect = String.format(Locale.ROOT, "no good read of RAPL zone %s (%s) for %.3f s, longer than "
                            + "its shortest wrap time %.3f s at %.0f W", z.id(), z.qualifiedName(), dt, wrapSeconds, maxW);
                } else if (delta / 1e6 > ceilingWatts(z) * (dt + PLAUSIBILITY_SLACK_SECONDS)) {
                    suspect = String.format(Locale.ROOT, "RAPL zone %s (%s) advanced %.3f J in %.3f s, more than "
                            + "%.0f W could give", z.id(), z.qualifiedName(), delta / 1e6, dt, ceilingWatts(z));
                }
                if (suspect != null) {
                    // Cannot tell how many wraps (or whether the zone was reset): count nothing across the interval.
                    discontinuities++;
                    lastDiscontinuity = "possible missed wrap or counter reset: " + suspect
                            + "; energy of that interval not counted";
                    delta = 0;
                } else if (wrapped) {
                    wraps++;
                }
                accumulated[i] += delta;
            }
            seen[i] = true;
            lastNanos[i] = t;
            lastRaw[i] = raw[i];
            total += accumulated[i];
        }
        return new Reading.Energy(total, t);
    }
}
