package io.joulebench.harness.result;

/**
 * Where a trial sits in a suite; null on trials of {@code run}.
 *
 * @param name     the suite's name
 * @param hash     SHA-256 of the suite file's canonical content (shards of different suites are never merged)
 * @param arm      the arm this trial belongs to
 * @param baseline the arm it is compared with, or null for a baseline arm
 * @param block    the paired block (one seed and repetition across arms)
 */
public record SuiteRef(String name, String hash, String arm, String baseline, Integer block) {
}
