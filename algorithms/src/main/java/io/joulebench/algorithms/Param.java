package io.joulebench.algorithms;

import java.util.List;
import java.util.Map;

/**
 * A trainer parameter's name and value type, declared once as a constant: providers declare its spec through it,
 * presets set it through it, trainers read it with {@link TrainerConfig#get}. No parameter name is spelled twice.
 *
 * @param <T> the parsed value's type
 */
public final class Param<T> {
    private final String name;
    private final Class<?> type;

    private Param(String name, Class<?> type) {
        this.name = name;
        this.type = type;
    }

    public static Param<Integer> integer(String name) {
        return new Param<>(name, Integer.class);
    }

    public static Param<Double> number(String name) {
        return new Param<>(name, Double.class);
    }

    public static Param<Boolean> flag(String name) {
        return new Param<>(name, Boolean.class);
    }

    /** A choice or free text. */
    public static Param<String> text(String name) {
        return new Param<>(name, String.class);
    }

    public static Param<List<Integer>> intList(String name) {
        return new Param<>(name, List.class);
    }

    public String name() {
        return name;
    }

    /** This parameter set to {@code value}, as a preset or an override lists it. */
    public Map.Entry<String, String> is(Object value) {
        return Map.entry(name, String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    T cast(Object value) {
        if (!type.isInstance(value)) {
            throw new IllegalStateException("parameter '" + name + "' is declared as " + type.getSimpleName()
                    + " but holds " + value.getClass().getSimpleName());
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return name;
    }
}
