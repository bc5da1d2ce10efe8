package io.joulebench.algorithms;

/** The closed set of value types a trainer parameter can take. */
public enum ParameterType {
    INT, LONG, DOUBLE, BOOLEAN, CHOICE, INT_LIST, TEXT;

    /** Human-readable type name for help texts and error messages. */
    public String label() {
        return switch (this) {
            case INT, LONG -> "integer";
            case DOUBLE -> "number";
            case BOOLEAN -> "true|false";
            case CHOICE -> "one of";
            case INT_LIST -> "comma-separated integers";
            case TEXT -> "text";
        };
    }
}
