package io.joulebench.harness.analysis;

/**
 * A trial, or one trial's value, that statistics do not use, and why (never silently dropped).
 *
 * @param trialId  the trial's id
 * @param seed     its seed
 * @param protocol its protocol
 * @param reason   e.g. "warm-up trial", "failed: exit status 137"
 */
public record LeftOut(String trialId, long seed, String protocol, String reason) {
}
