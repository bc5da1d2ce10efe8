package io.joulebench.harness.provenance;

import io.joulebench.energy.host.HostFacts;
import java.util.Map;

/**
 * Facts of where and with what a trial ran (configuration lives in the trial spec).
 *
 * @param gitCommit commit the running JouleBench was built from (else the checkout's HEAD), or null (see
 *                  {@code gitNote})
 * @param gitNote "clean" or "built with uncommitted changes", plus the checkout's HEAD where it differs; or why
 *                the commit is unknown
 * @param host CPU, cores, frequency governor, OS and memory of the machine
 * @param backend numerical backend facts (ND4J backend, BLAS vendor and threads)
 * @param dataset where the dataset came from, its split and the SHA-256 of every file
 */
public record Provenance(String joulebenchVersion, String gitCommit, String gitNote, Map<String, String> jvm,
                         HostFacts host, Map<String, String> backend, DatasetFacts dataset) {

    /** Dataset facts: origin, split sizes and file hashes. */
    public record DatasetFacts(String id, String source, Long splitSeed, int trainSize, int validationSize,
                               int testSize, Map<String, String> sha256) {
    }
}
