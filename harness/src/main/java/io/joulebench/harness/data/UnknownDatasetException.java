package io.joulebench.harness.data;

import java.util.List;

/** The requested dataset id is not in the catalog. */
public final class UnknownDatasetException extends DataFetchException {

    private final String id;
    private final List<String> known;

    public UnknownDatasetException(String id, List<String> known) {
        super("unknown dataset '" + id + "'; known datasets: " + String.join(", ", known));
        this.id = id;
        this.known = List.copyOf(known);
    }

    public String id() {
        return id;
    }

    public List<String> known() {
        return known;
    }
}
