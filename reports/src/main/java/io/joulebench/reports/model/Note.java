package io.joulebench.reports.model;

import java.util.Objects;

/** A note or warning shown with a section or the whole report. */
public record Note(Level level, String text) {
    public enum Level { INFO, WARNING }

    public Note {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    public static Note info(String text) {
        return new Note(Level.INFO, text);
    }

    public static Note warning(String text) {
        return new Note(Level.WARNING, text);
    }

    /** "Left out: 3 trials (failed status)". */
    public static Note leftOut(int count, String what, String why) {
        return warning("Left out: " + count + " " + what + " (" + why + ")");
    }
}
