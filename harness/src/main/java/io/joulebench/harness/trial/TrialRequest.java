package io.joulebench.harness.trial;

import io.joulebench.energy.meter.IdleBaseline;

/**
 * What a parent tells the JVM it forks for one trial (a transport file, deleted after the trial; never stored).
 *
 * @param spec    the trial to run, exactly
 * @param dataDir the explicit {@code --data-dir}, or null
 * @param meter   false with {@code --no-energy}
 * @param idle    the parent's current idle baseline, or null
 * @param resultsDir the folder of results.jsonl, where the child writes the power-trace sidecar; null for none
 */
public record TrialRequest(TrialSpec spec, String dataDir, boolean meter, IdleBaseline idle, String resultsDir) {
}
