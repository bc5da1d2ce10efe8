package io.joulebench.reports.html;

import io.joulebench.reports.model.Note;
import java.util.List;

/** Notes and warnings as boxes. */
final class NotesRenderer {
    private NotesRenderer() {
    }

    static void render(List<Note> notes, StringBuilder out) {
        for (Note n : notes) {
            String cls = n.level() == Note.Level.WARNING ? "note warning" : "note";
            String prefix = n.level() == Note.Level.WARNING ? "Warning: " : "Note: ";
            out.append("<p class=\"").append(cls).append("\"><strong>").append(prefix).append("</strong>")
                    .append(Html.escape(n.text())).append("</p>\n");
        }
    }
}
