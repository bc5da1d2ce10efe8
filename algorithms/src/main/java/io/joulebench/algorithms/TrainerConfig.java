package io.joulebench.algorithms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated, complete set of parameter values for one trainer: every declared parameter has a value.
 * Built only through {@link #resolve}, so a trainer never sees an unknown or out-of-range value.
 */
public final class TrainerConfig {
    private final String trainerId;
    private final Map<String, Object> values;
    private final Map<String, String> rawValues;

    private TrainerConfig(String trainerId, Map<String, Object> values, Map<String, String> rawValues) {
        this.trainerId = trainerId;
        this.values = Collections.unmodifiableMap(values);
        this.rawValues = Collections.unmodifiableMap(rawValues);
    }

    /**
     * Layers defaults, then the preset's values, then explicit overrides, and validates every value.
     *
     * @throws InvalidConfigurationException naming the unknown parameter or bad value
     */
    public static TrainerConfig resolve(TrainerProvider provider, Map<String, String> presetValues,
                                        Map<String, String> overrides) {
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        for (ParameterSpec spec : provider.parameters()) {
            specs.put(spec.name(), spec);
        }
        Map<String, String> raw = new LinkedHashMap<>();
        specs.values().forEach(s -> raw.put(s.name(), s.defaultValue()));
        for (Map<String, String> layer : List.of(presetValues, overrides)) {
            for (Map.Entry<String, String> e : layer.entrySet()) {
                if (!specs.containsKey(e.getKey())) {
                    throw new InvalidConfigurationException("trainer '" + provider.id() + "' has no parameter '"
                            + e.getKey() + "'; its parameters are: " + String.join(", ", specs.keySet()));
                }
                raw.put(e.getKey(), e.getValue());
            }
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        raw.forEach((k, v) -> parsed.put(k, specs.get(k).parse(v)));
        return new TrainerConfig(provider.id(), parsed, raw);
    }

    public String trainerId() {
        return trainerId;
    }

    /** The value of a declared parameter, typed. */
    public <T> T get(Param<T> parameter) {
        return parameter.cast(get(parameter.name()));
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String name) {
        return (List<Integer>) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("trainer '" + trainerId + "' read undeclared parameter '" + name + "'");
        }
        return v;
    }

    /** Every parameter as the text that would reproduce it, in declaration order (for provenance). */
    public Map<String, String> asStrings() {
        return rawValues;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainerConfig c && c.trainerId.equals(trainerId) && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trainerId, values);
    }

    @Override
    public String toString() {
        return trainerId + rawValues;
    }
}
