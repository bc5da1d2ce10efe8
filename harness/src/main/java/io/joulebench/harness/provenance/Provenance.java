package io.joulebench.harness.provenance;

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
 * @param scheduler the batch scheduler's facts (Slurm job id, array task, node); empty outside a scheduler
 * @param workload  what the trainer reported about itself: an external trainer's command, working folder,
 *                  environment and framework versions; empty for the JVM's own trainers
 */
public record Provenance(String joulebenchVersion, String gitCommit, String gitNote, Map<String, String> jvm,
                         Host host, Map<String, String> backend, DatasetFacts dataset,
                         Map<String, String> scheduler, Map<String, String> workload) {
    public Provenance {
        workload = workload == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(workload));
    }

    public Provenance withWorkload(Map<String, String> facts) {
        return new Provenance(joulebenchVersion, gitCommit, gitNote, jvm, host, backend, dataset, scheduler,
                facts);
    }

    /** The machine, as stored (mapped from the energy module's host facts). Null fields were not readable. */
    public record Host(String hostname, String cpuModel, int cpuPackages, int physicalCores, int logicalCores,
                       Long maxFrequencyHz, String frequencyGovernor, String os, long totalMemoryBytes) {
    }

    /** Dataset facts: origin, split sizes and file hashes. */
    public record DatasetFacts(String id, String source, Long splitSeed, int trainSize, int validationSize,
                               int testSize, Map<String, String> sha256) {
    }
}
