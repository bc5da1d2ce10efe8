package io.joulebench.harness.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One arm's trials of one protocol, summarised.
 *
 * @param id       arm id
 * @param trainer  trainer id
 * @param dataset  dataset id
 * @param protocol the trials' protocol
 * @param n        trials summarised (completed, not warm-ups)
 * @param leftOut  trials of this arm and protocol that statistics do not use, with reasons
 * @param metrics  name to summary, in a fixed order
 */
public record ArmStats(String id, String trainer, String dataset, String protocol, int n, List<LeftOut> leftOut,
                       Map<String, MetricSummary> metrics) {
    public ArmStats {
        leftOut = List.copyOf(leftOut);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
