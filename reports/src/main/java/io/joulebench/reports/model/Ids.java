package io.joulebench.reports.model;

import java.util.regex.Pattern;

/** Identifiers become file names and HTML ids, so they are restricted to a safe alphabet. */
final class Ids {
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Ids() {
    }

    static String check(String id) {
        if (id == null || !SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("id must match " + SAFE.pattern() + ": " + id);
        }
        return id;
    }
}
