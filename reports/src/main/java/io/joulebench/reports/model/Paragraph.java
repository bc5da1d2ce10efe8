package io.joulebench.reports.model;

import java.util.Objects;

/** A paragraph of plain text (escaped on output; no markup). */
public record Paragraph(String text) implements Block {
    public Paragraph {
        Objects.requireNonNull(text, "text");
    }
}
