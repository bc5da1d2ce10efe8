package io.joulebench.harness.analysis;

import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One arm's metric: the summary of the values present, and the missing ones counted with their reasons.
 *
 * @param name     metric name, e.g. {@code energyJoules}
 * @param label    what a person reads
 * @param unit     the metric's unit
 * @param summary  summary of the values present, or null when none is
 * @param seeds    the seed of each summarised value, in the summary's order
 * @param missing  trials without a value (never counted as 0)
 * @param missingReasons reason to count
 * @param obtained how the present values were obtained, e.g. [measured] or [modelled]
 */
public record MetricSummary(String name, String label, String unit, Summary summary, List<Long> seeds, int missing,
                            Map<String, Integer> missingReasons, List<Obtained> obtained) {
    public MetricSummary {
        seeds = List.copyOf(seeds);
        missingReasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missingReasons));
        obtained = List.copyOf(obtained);
    }

    static MetricSummary of(String name, String label, String unit, List<Observation> obs) {
        List<Long> seeds = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        TreeSet<Obtained> how = new TreeSet<>();
        for (Observation o : obs) {
            if (o.value() == null) {
                reasons.merge(o.reason() == null ? "unavailable" : o.reason(), 1, Integer::sum);
            } else {
                values.add(o.value());
                seeds.add(o.trial().spec().seed());
                how.add(o.obtained());
            }
        }
        Summary s = values.isEmpty() ? null : Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        return new MetricSummary(name, label, unit, s, seeds, obs.size() - values.size(), reasons,
                new ArrayList<>(how));
    }

    /** True when any summarised value is modelled rather than measured. */
    public boolean modelled() {
        return obtained.contains(Obtained.MODELLED);
    }

    /** "2 missing: metering off (1), ..." or null when nothing is missing. */
    public String missingNote() {
        if (missing == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        missingReasons.forEach((r, c) -> parts.add(r + (c > 1 || missingReasons.size() > 1 ? " (" + c + ")" : "")));
        return missing + " missing: " + String.join("; ", parts);
    }
}
