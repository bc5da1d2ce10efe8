package io.joulebench.reports.model;

import java.util.Objects;

/** Text shown as written, in a monospace block: formulas, method descriptions, commands. */
public record Preformatted(String text) implements Block {
    public Preformatted {
        Objects.requireNonNull(text, "text");
    }
}
