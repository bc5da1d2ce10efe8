package io.joulebench.harness.slurm;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.analysis.TrialSources;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.suite.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Joins shard results into one results file. One record per trial key: a completed record wins over a failed or
 * interrupted one; of several completed ones the first is kept and the rest counted. Records already in the
 * target count as first, so merging twice adds nothing. Shards of another suite (hash) are refused before
 * anything is written.
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /**
     * @param read        records read from the shards
     * @param added       records appended to the target
     * @param duplicates  completed records whose trial was already completed (kept: the first)
     * @param notNeeded   failed or interrupted records whose trial already has a record
     * @param incomplete  trials in the target that are still not completed
     * @param suiteHash   the one suite hash, or null when the records come from no suite
     */
    public record Result(int read, int added, int duplicates, int notNeeded, int incomplete, String suiteHash) {
    }

    /** A record and where it came from, for messages. */
    private record Sourced(TrialRecord record, Path from) {
    }

    /**
     * @param expected the suite file the shards must come from (its hash), or null
     * @param notes    one line per warning (mixed commits or hosts, shard folders without results)
     * @throws InvalidConfigurationException one line naming two shards of different suites
     */
    public static Result merge(List<Path> paths, ResultsStore target, Suite expected, Path expectedFile,
                               Consumer<String> notes) {
        List<Sourced> existing = Files.exists(target.file())
                ? target.readAll().stream().map(r -> new Sourced(r, target.file())).toList() : List.of();
        List<Sourced> incoming = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p) && !Files.exists(p.resolve(ResultsStore.FILE_NAME))) {
                notes.accept("note: " + p + " has no " + ResultsStore.FILE_NAME + " (its task wrote nothing); skipped");
                continue;
            }
            if (p.toAbsolutePath().normalize().equals(target.file().toAbsolutePath().normalize())
                    || p.resolve(ResultsStore.FILE_NAME).toAbsolutePath().normalize()
                    .equals(target.file().toAbsolutePath().normalize())) {
                continue; // the target itself: already counted as existing
            }
            TrialSources.Loaded loaded = TrialSources.read(List.of(p));
            loaded.notes().forEach(n -> notes.accept("note: " + p + ": " + n));
            loaded.records().forEach(r -> incoming.add(new Sourced(r, p)));
        }
        List<Sourced> all = new ArrayList<>(existing);
        all.addAll(incoming);
        String hash = checkOneSuite(all);
        if (expected != null && hash != null && !expected.hash().equals(hash)) {
            throw new InvalidConfigurationException("the shards are not from " + expectedFile + " as it is now: they"
                    + " hold " + suite(all.get(0).record()) + ", the file has hash " + expected.hash().substring(0, 12)
                    + "; merge with the suite file they ran, or rerun them");
        }
        warnIfMixed(incoming, "git commits", r -> r.provenance() == null ? null : r.provenance().gitCommit(), notes);
        warnIfMixed(incoming, "hosts", r -> r.provenance() == null || r.provenance().host() == null ? null
                : r.provenance().host().hostname(), notes);

        Map<String, TrialRecord> best = new LinkedHashMap<>();
        existing.forEach(s -> best.merge(s.record().key(), s.record(), (a, b) -> a.completed() ? a : b));
        int added = 0;
        int duplicates = 0;
        int notNeeded = 0;
        Map<String, TrialRecord> pendingFailures = new LinkedHashMap<>();
        for (Sourced s : incoming) {
            TrialRecord r = s.record();
            TrialRecord prev = best.get(r.key());
            if (r.completed()) {
                if (prev != null && prev.completed()) {
                    duplicates++;
                    continue;
                }
                target.append(r);
                best.put(r.key(), r);
                pendingFailures.remove(r.key());
                added++;
            } else if (prev != null) {
                notNeeded++;
            } else {
                // Kept only if no completed record for the key turns up in a later shard; the latest attempt wins.
                if (pendingFailures.put(r.key(), r) != null) {
                    notNeeded++;
                }
            }
        }
        for (TrialRecord r : pendingFailures.values()) {
            target.append(r);
            best.put(r.key(), r);
            added++;
        }
        int incomplete = (int) best.values().stream().filter(r -> !r.completed()).count();
        return new Result(incoming.size(), added, duplicates, notNeeded, incomplete, hash);
    }

    private static String checkOneSuite(List<Sourced> all) {
        Sourced first = null;
        for (Sourced s : all) {
            if (first == null) {
                first = s;
            } else if (!Objects.equals(hash(first.record()), hash(s.record()))) {
                throw new InvalidConfigurationException("refusing to merge shards of different suites: " + first.from()
                        + " holds " + suite(first.record()) + ", " + s.from() + " holds " + suite(s.record())
                        + "; merge each suite's shards into its own --out");
            }
        }
        return first == null ? null : hash(first.record());
    }

    private static String hash(TrialRecord r) {
        return r.suite() == null ? null : r.suite().hash();
    }

    private static String suite(TrialRecord r) {
        return r.suite() == null ? "trials of no suite" : "suite '" + r.suite().name() + "' (hash "
                + r.suite().hash().substring(0, Math.min(12, r.suite().hash().length())) + ")";
    }

    private static void warnIfMixed(List<Sourced> records, String what, Function<TrialRecord, String> fact,
                                    Consumer<String> notes) {
        Map<String, Long> counts = records.stream().collect(Collectors.groupingBy(
                s -> Objects.requireNonNullElse(fact.apply(s.record()), "unknown"), LinkedHashMap::new,
                Collectors.counting()));
        if (counts.size() > 1) {
            notes.accept("warning: the shards come from " + counts.size() + " " + what + ": " + counts.entrySet()
                    .stream().map(e -> e.getKey() + " (" + e.getValue() + " trials)").collect(Collectors.joining(", "))
                    + "; compare with care");
        }
    }
}
