package io.joulebench.energy;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The limits every reading is checked against, in one place. A reading outside them is rejected and counted as a
 * gap (never as energy), with the reason in the record.
 */
public final class Plausibility {

    /** Power no single device metered here plausibly exceeds when its limit is unknown (or low): 5 kW. */
    public static final double FLOOR_WATTS = 5000.0;

    /** Headroom over a device's stated power limit: boost and short excursions run above it, not 50 % above. */
    public static final double LIMIT_FACTOR = 1.5;

    /**
     * Slack added to a counter interval: a counter step may land just after a read, so a delta can cover up to one
     * update period more than the interval between the reads.
     */
    public static final Duration MIN_COUNTER_SLACK = Duration.ofMillis(10);

    /**
     * A counter is stale when it has not advanced for this many of its update periods (RAPL about 1 ms, NVML about
     * 100 ms): a powered device (even an idle package or DRAM at a watt) moves its counter every update.
     */
    public static final int STALE_UPDATE_PERIODS = 20;

    /**
     * ... and for at least this long: at the default 100 ms sampler a RAPL counter is read only every 100 ms, and a
     * busy machine can delay a read; half a second of no change is far beyond any of that.
     */
    public static final Duration STALE_MIN = Duration.ofMillis(500);

    /** The update period assumed for a counter that states none (NVML's, the slower of the two we know). */
    public static final Duration UNKNOWN_UPDATE_PERIOD = Duration.ofMillis(100);

    private Plausibility() {
    }

    /** The highest plausible power: max(1.5 x the device's limit, 5 kW). */
    public static double ceilingWatts(OptionalDouble powerLimitWatts) {
        double limit = powerLimitWatts.isPresent() ? powerLimitWatts.getAsDouble() : 0.0;
        return Math.max(LIMIT_FACTOR * limit, FLOOR_WATTS);
    }

    /** How long a counter with this update period (null: unknown) may stand still before it is stale. */
    public static Duration staleAfter(Duration updatePeriod) {
        Duration p = updatePeriod == null ? UNKNOWN_UPDATE_PERIOD : updatePeriod;
        Duration d = p.multipliedBy(STALE_UPDATE_PERIODS);
        return d.compareTo(STALE_MIN) > 0 ? d : STALE_MIN;
    }

    /** How the ceiling was derived, for the record. */
    public static String ceilingBasis(OptionalDouble powerLimitWatts) {
        return powerLimitWatts.isPresent()
                ? String.format(Locale.ROOT, "max(%.1f x power limit %.0f W, %.0f W)", LIMIT_FACTOR,
                        powerLimitWatts.getAsDouble(), FLOOR_WATTS)
                : String.format(Locale.ROOT, "%.0f W (power limit unknown)", FLOOR_WATTS);
    }
}
