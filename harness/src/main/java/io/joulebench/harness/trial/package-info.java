/** Controlled trials: one trainer, one dataset, one seed, timed and watched for memory. */
package io.joulebench.harness.trial;
