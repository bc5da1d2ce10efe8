package io.joulebench.energy;

import java.util.List;

/**
 * A source of sensors, found with {@link java.util.ServiceLoader}. Constructors are cheap: native libraries
 * load and files are read only in {@link #probe} and {@link #open}.
 */
public interface SensorProvider {

    /** Stable id: {@code nvml}, {@code rapl}, {@code model}. */
    String id();

    /** Higher wins when two providers measure the same domain. Measurements rank above models. */
    int priority();

    /** One line: what this provider reads. */
    String description();

    /** Checks whether the provider can work here; never throws. */
    Availability probe(SensorOptions options);

    /**
     * Where this provider looks, when the user chose it explicitly ("--powercap-root /x"); null when it uses its
     * default. A provider that fails at an explicit location is an error, not a fallback to the model.
     */
    default String explicitLocation(SensorOptions options) {
        return null;
    }

    /**
     * Opens the provider's sensors, one or more per domain it measures.
     *
     * @throws SensorException when the provider is unavailable (carrying the same reason probe gives)
     */
    List<Sensor> open(SensorOptions options) throws SensorException;
}
