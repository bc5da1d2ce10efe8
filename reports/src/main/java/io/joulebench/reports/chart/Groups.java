package io.joulebench.reports.chart;

import io.joulebench.reports.model.Series;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gives each group (arm, domain) a stable style index so an arm looks the same in every chart. */
final class Groups {
    private final Map<String, Integer> index = new LinkedHashMap<>();

    Groups(List<Series> series) {
        series.forEach(s -> index(s.group()));
    }

    int index(String group) {
        return index.computeIfAbsent(group, g -> index.size());
    }
}
