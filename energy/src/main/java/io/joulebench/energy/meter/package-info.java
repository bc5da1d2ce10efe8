/** Metering: provider selection, the sampling session with phase marks, idle baselines, and the report records. */
package io.joulebench.energy.meter;
