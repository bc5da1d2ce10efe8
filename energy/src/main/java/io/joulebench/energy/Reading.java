package io.joulebench.energy;

import java.util.Objects;

/**
 * One reading of a sensor, stamped with the monotonic clock ({@code System.nanoTime} unless a test injects one).
 * A reading that could not be taken is {@link Missing}, never zero.
 */
public sealed interface Reading permits Reading.Energy, Reading.Power, Reading.Missing {

    /** Monotonic timestamp of the reading in nanoseconds. */
    long nanoTime();

    /** A cumulative energy counter value (may wrap; see {@link EnergyCounter#wrapRangeMicrojoules()}). */
    record Energy(long microjoules, long nanoTime) implements Reading {
    }

    /** An instantaneous (or sensor-averaged) power value. */
    record Power(double milliwatts, long nanoTime) implements Reading {
        public Power {
            if (!Double.isFinite(milliwatts) || milliwatts < 0) {
                throw new IllegalArgumentException("power must be finite and >= 0 mW: " + milliwatts);
            }
        }
    }

    /** No value: why, and a human-readable detail. */
    record Missing(UnavailableReason reason, String message, long nanoTime) implements Reading {
        public Missing {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
