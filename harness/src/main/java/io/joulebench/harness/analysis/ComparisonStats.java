package io.joulebench.harness.analysis;

import io.joulebench.harness.stats.Pairing;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One arm against its baseline under one protocol.
 *
 * @param arm            arm X
 * @param baseline       baseline arm Y
 * @param protocol       own-convergence, matched-passes or to-target
 * @param pairing        paired by (seed, repetition), or unpaired
 * @param pairingNote    why it is paired or not, and how many pairs
 * @param nArm           X's trials used
 * @param nBaseline      Y's trials used
 * @param targetAccuracy the to-target protocol's target (a fraction); null for the other protocols
 * @param metrics        cost metrics by name
 * @param accuracy       test accuracy, or null for to-target (both arms reach the same validation accuracy)
 * @param notes          protocol and family statements
 */
public record ComparisonStats(String arm, String baseline, String protocol, Pairing pairing, String pairingNote,
                              int nArm, int nBaseline, Double targetAccuracy, Map<String, MetricComparison> metrics,
                              AccuracyResult accuracy, List<String> notes) {
    public ComparisonStats {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        notes = List.copyOf(notes);
    }
}
