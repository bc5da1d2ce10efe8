package io.joulebench.harness.analysis;

import io.joulebench.harness.stats.RatioComparison;
import java.util.List;

/**
 * A cost metric of an arm against its baseline.
 *
 * @param name           metric name
 * @param unit           its unit
 * @param ratio          the ratio of means with its intervals and verdict, or null (see {@code missing})
 * @param missing        why there is no ratio, else null
 * @param level          confidence level of the ratio's intervals: 0.95, or a Holm step-down level in a family
 * @param adjustedPValue Holm-adjusted p-value, or null outside a family
 * @param familySize     arms Holm adjusted for (1: no adjustment)
 * @param modelled       true when any value compared is modelled
 * @param notes          e.g. values left out of the pairs, the CO2e scaling
 */
public record MetricComparison(String name, String unit, RatioComparison ratio, String missing, double level,
                               Double adjustedPValue, int familySize, boolean modelled, List<String> notes) {
    public MetricComparison {
        notes = List.copyOf(notes);
    }
}
