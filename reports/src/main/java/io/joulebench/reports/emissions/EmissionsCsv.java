package io.joulebench.reports.emissions;

import io.joulebench.reports.table.Csv;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes rows as a CodeCarbon-compatible emissions.csv: its 38 columns, then the union of the rows' own columns. */
public final class EmissionsCsv {
    private EmissionsCsv() {
    }

    public static String write(List<EmissionsRow> rows) {
        Set<String> extraNames = new LinkedHashSet<>();
        rows.forEach(r -> extraNames.addAll(r.extras().keySet()));
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (CodeCarbonColumn c : CodeCarbonColumn.values()) {
            header.add(c.header());
        }
        header.addAll(extraNames);
        Csv.record(sb, header);
        for (EmissionsRow r : rows) {
            List<String> fields = new ArrayList<>();
            for (CodeCarbonColumn c : CodeCarbonColumn.values()) {
                fields.add(r.get(c));
            }
            for (String name : extraNames) {
                fields.add(r.extras().getOrDefault(name, ""));
            }
            Csv.record(sb, fields);
        }
        return sb.toString();
    }
}
