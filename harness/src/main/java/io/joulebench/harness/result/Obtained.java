package io.joulebench.harness.result;

/** How a value was obtained; written in lower case. */
public enum Obtained {
    /** Read from a hardware counter or sensor, or timed. */
    MEASURED,
    /** Estimated from a model (load x TDP, memory size); never a measurement. */
    MODELLED,
    /** A share of a measurement assigned to this trial (e.g. per-process attribution). */
    ATTRIBUTED,
    /** No value; the metric's reason says why. */
    UNAVAILABLE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Obtained parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
