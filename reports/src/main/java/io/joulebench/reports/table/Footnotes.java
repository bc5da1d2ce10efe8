package io.joulebench.reports.table;

import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Obtained;
import io.joulebench.reports.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The footnotes a table needs: numbered reasons for n/a cells, and the marks for modelled (†) and attributed (‡)
 * figures with what the caller said about them. Every format shares these, so the notes read the same everywhere.
 */
public final class Footnotes {
    public static final String MODELLED_MARK = "†";
    public static final String ATTRIBUTED_MARK = "‡";

    private final List<String> missingReasons;
    private final Set<String> modelled = new LinkedHashSet<>();
    private final Set<String> attributed = new LinkedHashSet<>();
    private boolean anyModelled;
    private boolean anyAttributed;

    public Footnotes(Table table) {
        Set<String> reasons = new LinkedHashSet<>();
        for (List<Cell> row : table.rows()) {
            for (Cell c : row) {
                if (c.obtained() == Obtained.UNAVAILABLE) {
                    reasons.add(c.reason());
                } else if (c.obtained() == Obtained.MODELLED) {
                    anyModelled = true;
                    addIfPresent(modelled, c.reason());
                } else if (c.obtained() == Obtained.ATTRIBUTED) {
                    anyAttributed = true;
                    addIfPresent(attributed, c.reason());
                }
            }
        }
        missingReasons = new ArrayList<>(reasons);
    }

    private static void addIfPresent(Set<String> set, String s) {
        if (s != null && !s.isBlank()) {
            set.add(s);
        }
    }

    /** 1-based number of the footnote explaining this n/a cell. */
    public int numberOf(Cell unavailable) {
        return missingReasons.indexOf(unavailable.reason()) + 1;
    }

    public static String mark(Cell c) {
        return switch (c.obtained()) {
            case MODELLED -> MODELLED_MARK;
            case ATTRIBUTED -> ATTRIBUTED_MARK;
            default -> "";
        };
    }

    /** The footnote lines as plain text, in order: marks first, then numbered n/a reasons. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (anyModelled) {
            out.add(MODELLED_MARK + " modelled, not measured" + detail(modelled));
        }
        if (anyAttributed) {
            out.add(ATTRIBUTED_MARK + " attributed share of a machine-wide measurement" + detail(attributed));
        }
        for (int i = 0; i < missingReasons.size(); i++) {
            out.add("[" + (i + 1) + "] n/a: " + missingReasons.get(i));
        }
        return out;
    }

    private static String detail(Set<String> notes) {
        return notes.isEmpty() ? "" : ": " + String.join("; ", notes);
    }
}
