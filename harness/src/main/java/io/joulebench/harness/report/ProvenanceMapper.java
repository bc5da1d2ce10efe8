package io.joulebench.harness.report;

import io.joulebench.harness.provenance.Provenance;
import io.joulebench.harness.result.EnergyRecord;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.reports.model.DomainBadge;
import io.joulebench.reports.model.Fact;
import io.joulebench.reports.model.FactGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Provenance facts (machine, software, datasets, carbon, protocol) and one badge per energy domain. */
final class ProvenanceMapper {
    private static final String OLD = "not recorded (records without provenance)";

    private ProvenanceMapper() {
    }

    static List<FactGroup> facts(TrialSelection s) {
        List<TrialRecord> used = s.arms().stream().flatMap(a -> a.records().stream()).toList();
        List<Provenance> prov = used.stream().map(TrialRecord::provenance).filter(Objects::nonNull).toList();
        List<FactGroup> groups = new ArrayList<>();
        groups.add(new FactGroup("Software", List.of(
                fact("Commit", prov, p -> p.gitCommit() == null ? null
                        : p.gitCommit() + (p.gitNote() == null ? "" : " (" + p.gitNote() + ")")),
                fact("JouleBench", prov, Provenance::joulebenchVersion),
                fact("JDK", prov, p -> p.jvm() == null ? null : p.jvm().getOrDefault("java.version",
                        p.jvm().get("java.runtime.version"))),
                fact("Backend", prov, p -> p.backend() == null || p.backend().isEmpty() ? null
                        : new TreeMap<>(p.backend()).toString()))));
        List<EnergyRecord.GpuRecord> gpus = used.stream().filter(r -> r.energy() != null
                && r.energy().gpusAtStart() != null).flatMap(r -> r.energy().gpusAtStart().stream()).toList();
        groups.add(new FactGroup("Machine", List.of(
                fact("CPU", prov, p -> p.host() == null ? null : p.host().cpuModel() + ", "
                        + p.host().physicalCores() + " cores / " + p.host().logicalCores() + " threads"),
                join("GPU", gpus.stream().map(EnergyRecord.GpuRecord::name), "no GPU reported (NVML unavailable)"),
                join("Driver", gpus.stream().map(EnergyRecord.GpuRecord::driverVersion),
                        "no GPU reported (NVML unavailable)"),
                fact("OS", prov, p -> p.host() == null ? null : p.host().os()),
                fact("Memory", prov, p -> p.host() == null ? null
                        : String.format(java.util.Locale.ROOT, "%.1f GiB", p.host().totalMemoryBytes() / 1073741824.0)),
                Fact.missing("sgemm peak", "not measured on this machine (no record carries a GEMM peak)"))));
        Map<String, String> hashes = new TreeMap<>();
        for (Provenance p : prov) {
            if (p.dataset() != null && p.dataset().sha256() != null) {
                p.dataset().sha256().forEach((f, h) -> hashes.put(p.dataset().id() + "/" + f, h));
            }
        }
        List<Fact> data = hashes.entrySet().stream().map(e -> Fact.of(e.getKey(), "sha256 " + e.getValue()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (data.isEmpty()) {
            data.add(Fact.missing("Dataset hashes", OLD));
        }
        groups.add(new FactGroup("Datasets", data));
        List<EnergyRecord.CarbonRecord> carbon = used.stream().map(r -> r.energy() == null ? null : r.energy().carbon())
                .filter(Objects::nonNull).toList();
        String noCarbon = "no trial has a carbon figure (not metered, or no energy)";
        groups.add(new FactGroup("Carbon", List.of(
                join("Region", carbon.stream().map(c -> c.region() + (c.regionName() == null ? ""
                        : " (" + c.regionName() + ")")), noCarbon),
                join("Source and year", carbon.stream().map(c -> c.source() + (c.year() == null ? "" : " " + c.year())),
                        noCarbon),
                join("PUE", carbon.stream().map(c -> String.format(java.util.Locale.ROOT, "%.2f", c.pue())), noCarbon),
                join("Method", carbon.stream().map(EnergyRecord.CarbonRecord::method), noCarbon))));
        List<Fact> protocol = new ArrayList<>();
        protocol.add(join("Protocol", used.stream().map(r -> r.spec().protocol()), "no trial used"));
        protocol.add(join("Seeds", used.stream().map(r -> Long.toString(r.spec().seed())).sorted(), "no trial used"));
        protocol.add(join("Forked JVM per trial", used.stream().map(r -> r.execution() == null ? "unknown"
                : r.execution().forked() ? "yes" : "no (--no-fork)"), "no trial used"));
        for (Arm a : s.arms()) {
            protocol.add(Fact.of("n (" + a.name() + ")", a.n() + " trials of " + a.trainer() + " on " + a.dataset()));
        }
        groups.add(new FactGroup("Protocol", protocol));
        return groups;
    }

    /** One badge per domain over the used trials: unavailable only when no trial had a figure for it. */
    static List<DomainBadge> badges(TrialSelection s) {
        Map<String, List<EnergyRecord.DomainRecord>> byDomain = new LinkedHashMap<>();
        s.arms().stream().flatMap(a -> a.records().stream()).filter(r -> r.energy() != null)
                .flatMap(r -> r.energy().domains().stream())
                .forEach(d -> byDomain.computeIfAbsent(d.domain().name(), k -> new ArrayList<>()).add(d));
        List<DomainBadge> badges = new ArrayList<>();
        byDomain.forEach((name, ds) -> {
            Set<String> sources = ds.stream().filter(d -> d.obtained() != Obtained.UNAVAILABLE)
                    .map(d -> d.provider() + (d.source() == null ? "" : ": " + d.source()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            String why = ds.stream().map(EnergyRecord.DomainRecord::reason).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            if (ds.stream().allMatch(d -> d.obtained() == Obtained.UNAVAILABLE)) {
                badges.add(new DomainBadge(name, io.joulebench.reports.model.Obtained.UNAVAILABLE,
                        ds.get(0).provider(), why == null ? "no figure" : why));
            } else if (ds.stream().anyMatch(d -> d.obtained() == Obtained.MODELLED)) {
                badges.add(new DomainBadge(name, io.joulebench.reports.model.Obtained.MODELLED,
                        String.join(", ", sources), why == null ? "modelled (no counter on this machine)" : why));
            } else {
                badges.add(new DomainBadge(name, io.joulebench.reports.model.Obtained.MEASURED,
                        String.join(", ", sources), null));
            }
        });
        return badges;
    }

    private static Fact fact(String key, List<Provenance> prov, Function<Provenance, String> f) {
        return join(key, prov.stream().map(f), OLD);
    }

    /** The distinct values, joined; several values mean the trials differ, which the reader should see. */
    private static Fact join(String key, java.util.stream.Stream<String> values, String whyMissing) {
        List<String> distinct = values.filter(v -> v != null && !v.isBlank()).distinct().toList();
        if (distinct.isEmpty()) {
            return Fact.missing(key, whyMissing);
        }
        return Fact.of(key, distinct.size() > 4 ? String.join(" | ", distinct.subList(0, 4)) + " | ... ("
                + distinct.size() + " values)" : String.join(" | ", distinct));
    }
}
