package io.joulebench.energy.rapl;

import io.joulebench.energy.Domain;
import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.Reading;
import io.joulebench.energy.UnavailableReason;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The energy of one domain as the sum of its zones (e.g. package-0 + package-1). Each zone is unwrapped with its own
 * {@code max_energy_range_uj}, so the value this counter returns is monotonic and does not wrap. If any zone cannot
 * be read the whole reading is {@link Reading.Missing} (a partial sum would be wrong); when the zone comes back the
 * energy across the gap is recovered from the counter, assuming at most one wrap per zone.
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

    RaplCounter(Domain domain, List<PowercapZone> zones, SysfsReader reader, LongSupplier clock) {
        this.domain = domain;
        this.zones = List.copyOf(zones);
        this.reader = reader;
        this.clock = clock;
        this.lastRaw = new long[zones.size()];
        this.accumulated = new long[zones.size()];
        this.seen = new boolean[zones.size()];
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
            double watts = z.maxPowerMicrowatts().isPresent()
                    ? 2.0 * z.maxPowerMicrowatts().getAsLong() / 1e6 : DEFAULT_PLAUSIBLE_MAX_WATTS;
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
    public synchronized Reading read() {
        long[] raw = new long[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            PowercapZone z = zones.get(i);
            try {
                raw[i] = Long.parseLong(reader.read(z.energyFile()));
            } catch (NoSuchFileException e) {
                return new Reading.Missing(UnavailableReason.SENSOR_FAILED,
                        "RAPL zone " + z.id() + " (" + z.qualifiedName() + ") vanished: " + e.getFile(), clock.getAsLong());
            } catch (AccessDeniedException e) {
                return new Reading.Missing(UnavailableReason.NO_PERMISSION,
                        "RAPL zone " + z.id() + ": permission denied reading energy_uj. " + RaplProvider.PERMISSION_FIX,
                        clock.getAsLong());
            } catch (IOException | NumberFormatException e) {
                return new Reading.Missing(UnavailableReason.SENSOR_FAILED,
                        "RAPL zone " + z.id() + ": " + e.getMessage(), clock.getAsLong());
            }
        }
        long t = clock.getAsLong();
        long total = 0;
        for (int i = 0; i < raw.length; i++) {
            if (seen[i]) {
                long delta = raw[i] - lastRaw[i];
                if (delta < 0) {
                    delta += zones.get(i).maxEnergyRangeUj();
                }
                accumulated[i] += delta;
            }
            seen[i] = true;
            lastRaw[i] = raw[i];
            total += accumulated[i];
        }
        return new Reading.Energy(total, t);
    }
}
