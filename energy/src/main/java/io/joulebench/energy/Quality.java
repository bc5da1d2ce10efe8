package io.joulebench.energy;

/** How complete an energy figure is. */
public enum Quality {
    /** Every reading in the window succeeded. */
    COMPLETE,
    /** Some readings failed (gaps) or the sensor failed before the window ended; the reason says which. */
    PARTIAL,
    /** No figure could be given. */
    UNAVAILABLE
}
