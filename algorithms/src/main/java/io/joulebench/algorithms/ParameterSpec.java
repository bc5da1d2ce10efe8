package io.joulebench.algorithms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One declared trainer parameter: the single declaration that feeds CLI help, validation and provenance.
 *
 * @param min inclusive lower bound for numbers (and for every element of an integer list), or null
 * @param max inclusive upper bound, or null
 * @param choices allowed values for {@link ParameterType#CHOICE}, empty otherwise
 */
public record ParameterSpec(String name, ParameterType type, String defaultValue, String description,
                            Double min, Double max, List<String> choices) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter " + name + " declares no choices");
        }
    }

    public static ParameterSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, ParameterType.INT, Integer.toString(defaultValue), description,
                (double) min, (double) max, List.of());
    }

    public static ParameterSpec number(String name, double defaultValue, double min, double max, String description) {
        return new ParameterSpec(name, ParameterType.DOUBLE, format(defaultValue), description, min, max, List.of());
    }

    public static ParameterSpec flag(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, Boolean.toString(defaultValue), description,
                null, null, List.of());
    }

    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParameterSpec(name, ParameterType.CHOICE, defaultValue, description, null, null, choices);
    }

    public static ParameterSpec intList(String name, String defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, ParameterType.INT_LIST, defaultValue, description,
                (double) min, (double) max, List.of());
    }

    /** Free text (a command line, a path); {@code minLength} 1 makes it required. */
    public static ParameterSpec text(String name, String defaultValue, int minLength, String description) {
        return new ParameterSpec(name, ParameterType.TEXT, defaultValue, description, (double) minLength, null,
                List.of());
    }

    public static ParameterSpec integer(Param<Integer> p, int defaultValue, int min, int max, String description) {
        return integer(p.name(), defaultValue, min, max, description);
    }

    public static ParameterSpec number(Param<Double> p, double defaultValue, double min, double max,
                                       String description) {
        return number(p.name(), defaultValue, min, max, description);
    }

    public static ParameterSpec flag(Param<Boolean> p, boolean defaultValue, String description) {
        return flag(p.name(), defaultValue, description);
    }

    public static ParameterSpec choice(Param<String> p, String defaultValue, List<String> choices,
                                       String description) {
        return choice(p.name(), defaultValue, choices, description);
    }

    public static ParameterSpec intList(Param<List<Integer>> p, String defaultValue, int min, int max,
                                        String description) {
        return intList(p.name(), defaultValue, min, max, description);
    }

    public static ParameterSpec text(Param<String> p, String defaultValue, int minLength, String description) {
        return text(p.name(), defaultValue, minLength, description);
    }

    /** Parses and range-checks one raw value; throws with a message naming the parameter, the value and the rule. */
    public Object parse(String raw) {
        if (type == ParameterType.TEXT) {
            if (min != null && raw.strip().length() < min) {
                throw invalid(raw, min == 1 ? "is empty: give it with -P " + name + "=..." : "is shorter than "
                        + format(min) + " characters");
            }
            return raw.strip();
        }
        String value = raw.trim();
        try {
            return switch (type) {
                case INT -> checkRange(Integer.parseInt(value), value);
                case LONG -> checkRange(Long.parseLong(value), value);
                case DOUBLE -> {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d)) {
                        throw invalid(value, "must be a finite number");
                    }
                    yield checkRange(d, value);
                }
                case BOOLEAN -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        throw invalid(value, "must be true or false");
                    }
                    yield Boolean.parseBoolean(value);
                }
                case CHOICE -> {
                    if (!choices.contains(value)) {
                        throw invalid(value, "must be one of " + String.join(", ", choices));
                    }
                    yield value;
                }
                case TEXT -> value;
                case INT_LIST -> {
                    List<Integer> list = new ArrayList<>();
                    for (String part : value.split(",")) {
                        if (part.isBlank()) {
                            throw invalid(value, "must be comma-separated integers, e.g. 1000,1000");
                        }
                        list.add(checkRange(Integer.parseInt(part.trim()), value));
                    }
                    yield List.copyOf(list);
                }
            };
        } catch (NumberFormatException e) {
            throw invalid(value, "must be " + (type == ParameterType.INT_LIST ? "comma-separated integers" : "a "
                    + type.label()));
        }
    }

    private <T extends Number> T checkRange(T n, String raw) {
        double d = n.doubleValue();
        if (min != null && d < min) {
            throw invalid(raw, "is below the minimum " + format(min));
        }
        if (max != null && d > max) {
            throw invalid(raw, "is above the maximum " + format(max));
        }
        return n;
    }

    private InvalidConfigurationException invalid(String raw, String why) {
        return new InvalidConfigurationException(
                "parameter '" + name + "': value '" + raw + "' " + why + " (" + description + ")");
    }

    /** The valid range or choices as text, for help output. */
    public String rangeText() {
        if (type == ParameterType.CHOICE) {
            return String.join("|", choices);
        }
        if (type == ParameterType.BOOLEAN) {
            return "true|false";
        }
        if (type == ParameterType.TEXT) {
            return "";
        }
        if (min == null && max == null) {
            return "";
        }
        return "[" + (min == null ? "" : format(min)) + ", " + (max == null ? "" : format(max)) + "]";
    }

    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%s", d);
    }
}
