/**
 * Trial records into statistics: arms, protocols, pairing, left-out trials and the {@code stats} report (a plain
 * {@link io.joulebench.harness.analysis.StatsReport}, its JSON and its console table), built on
 * {@link io.joulebench.harness.stats}.
 */
package io.joulebench.harness.analysis;
