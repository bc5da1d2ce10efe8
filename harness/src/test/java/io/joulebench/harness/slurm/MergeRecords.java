package io.joulebench.harness.slurm;

import io.joulebench.harness.provenance.Provenance;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.SuiteRef;
import io.joulebench.harness.result.TrialRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Trial records for merge tests: the golden record with another key, status, suite hash, commit or host. */
public final class MergeRecords {
    private static final TrialRecord GOLDEN = load();

    private MergeRecords() {
    }

    public static TrialRecord record(String key, String status, String suiteHash, String commit, String host) {
        TrialRecord g = GOLDEN;
        SuiteRef s = g.suite();
        Provenance p = g.provenance();
        Provenance.Host h = p.host();
        Provenance.Host newHost = new Provenance.Host(host, h.cpuModel(), h.cpuPackages(), h.physicalCores(),
                h.logicalCores(), h.maxFrequencyHz(), h.frequencyGovernor(), h.os(), h.totalMemoryBytes());
        return new TrialRecord(g.schema(), key, g.trialId(), g.startedAt(), status,
                TrialRecord.COMPLETED.equals(status) ? null : "boom", false, g.spec(),
                new SuiteRef(s.name(), suiteHash, s.arm(), s.baseline(), s.block()), g.epochs(),
                TrialRecord.COMPLETED.equals(status) ? g.result() : null, g.metrics(), g.energy(), g.memory(),
                g.execution(), null, new Provenance(p.joulebenchVersion(), commit, p.gitNote(), p.jvm(), newHost,
                p.backend(), p.dataset(), p.scheduler(), p.workload()));
    }

    public static TrialRecord completed(String key) {
        return record(key, TrialRecord.COMPLETED, "hash-a", "c1", "node1");
    }

    public static Path write(Path file, List<TrialRecord> records) {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder b = new StringBuilder();
            records.forEach(r -> b.append(ResultCodec.write(r)).append('\n'));
            Files.writeString(file, b.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrialRecord load() {
        try {
            return ResultCodec.parse(Files.readString(Path.of("src/test/resources/result/golden-trial-2.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
