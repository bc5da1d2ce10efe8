package io.joulebench.harness.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.joulebench.harness.result.Obtained;
import io.joulebench.harness.stats.AccuracyComparison;
import io.joulebench.harness.stats.Interval;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.harness.stats.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * The report as JSON, schema {@value StatsReport#SCHEMA}. A value that does not exist (an interval below 3 values,
 * a missing metric, sd of one value) is null, never 0. Jackson writes numbers without the default locale.
 */
public final class StatsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatsJson() {
    }

    public static ObjectNode tree(StatsReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", StatsReport.SCHEMA);
        ObjectNode opts = root.putObject("options");
        var o = report.options().comparison();
        opts.put("level", o.level());
        opts.put("resamples", o.resamples());
        opts.put("bootstrapSeed", o.seed());
        opts.put("bootstrapMethod", o.method().name().toLowerCase(Locale.ROOT));
        opts.put("noise", o.noise());
        opts.put("equivalenceMarginPp", o.equivalenceMarginPp());
        number(opts, "targetAccuracy", report.options().targetAccuracy());
        opts.put("baseline", report.options().baseline());
        ArrayNode arms = root.putArray("arms");
        report.arms().forEach(a -> arm(arms.addObject(), a));
        ArrayNode comparisons = root.putArray("comparisons");
        report.comparisons().forEach(c -> comparison(comparisons.addObject(), c));
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        return root;
    }

    public static String write(StatsReport report) {
        try {
            return JSON.writeValueAsString(tree(report)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("the stats report could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Fails early, before any computing, when {@code file}'s folder cannot take it. */
    public static void checkWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new UncheckedIOException(new IOException(file + " is a folder; --json needs a file name"));
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": its folder " + dir
                    + (dir != null && Files.isDirectory(dir) ? " is not writable" : " does not exist")));
        }
    }

    /** Writes to a temporary file beside {@code file}, then renames it, so a reader never sees half a report. */
    public static void writeAtomically(StatsReport report, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            // Not createTempFile: its 0600 mode would survive the rename; this one gets the umask's, like any file.
            tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(tmp, write(report), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the rename normally consumed it
                }
            }
        }
    }

    private static void arm(ObjectNode n, ArmStats a) {
        n.put("id", a.id());
        n.put("trainer", a.trainer());
        n.put("dataset", a.dataset());
        n.put("protocol", a.protocol());
        n.put("n", a.n());
        ArrayNode left = n.putArray("leftOut");
        a.leftOut().forEach(l -> left.addObject().put("trialId", l.trialId()).put("seed", l.seed())
                .put("reason", l.reason()));
        ObjectNode metrics = n.putObject("metrics");
        for (Map.Entry<String, MetricSummary> e : a.metrics().entrySet()) {
            summary(metrics.putObject(e.getKey()), e.getValue());
        }
    }

    private static void summary(ObjectNode n, MetricSummary m) {
        n.put("label", m.label());
        n.put("unit", m.unit());
        ArrayNode how = n.putArray("obtained");
        m.obtained().forEach(o -> how.add(o.json()));
        n.put("modelled", m.obtained().contains(Obtained.MODELLED));
        Summary s = m.summary();
        n.put("n", s == null ? 0 : s.n());
        n.put("missing", m.missing());
        ObjectNode reasons = n.putObject("missingReasons");
        m.missingReasons().forEach(reasons::put);
        number(n, "mean", s == null ? null : s.mean());
        number(n, "sd", s == null ? null : s.sd());
        number(n, "cv", s == null ? null : s.cv());
        interval(n, "ci95", s == null ? null : s.ci95());
        n.put("ci95Missing", s == null ? "no values" : s.ci95Missing());
        number(n, "median", s == null ? null : s.median());
        number(n, "min", s == null ? null : s.min());
        number(n, "max", s == null ? null : s.max());
        ArrayNode values = n.putArray("values");
        ArrayNode seeds = n.putArray("seeds");
        ArrayNode outliers = n.putArray("outliers");
        if (s != null) {
            s.values().forEach(values::add);
            m.seeds().forEach(seeds::add);
            s.outliers().indexes().forEach(i -> outliers.add(s.values().get(i)));
        }
    }

    private static void comparison(ObjectNode n, ComparisonStats c) {
        n.put("arm", c.arm());
        n.put("baseline", c.baseline());
        n.put("protocol", c.protocol());
        n.put("pairing", c.pairing().name().toLowerCase(Locale.ROOT));
        n.put("pairingNote", c.pairingNote());
        n.put("nArm", c.nArm());
        n.put("nBaseline", c.nBaseline());
        number(n, "targetAccuracy", c.targetAccuracy());
        ObjectNode metrics = n.putObject("metrics");
        c.metrics().forEach((name, m) -> ratio(metrics.putObject(name), m));
        if (c.accuracy() == null) {
            n.putNull("accuracy");
        } else {
            accuracy(n.putObject("accuracy"), c.accuracy());
        }
        ArrayNode notes = n.putArray("notes");
        c.notes().forEach(notes::add);
    }

    private static void ratio(ObjectNode n, MetricComparison m) {
        RatioComparison r = m.ratio();
        n.put("unit", m.unit());
        number(n, "ratio", r == null ? null : r.ratio());
        number(n, "percentChange", r == null ? null : r.percentChange());
        interval(n, "ci95", r == null ? null : r.interval());
        interval(n, "fieller95", r == null || r.fieller() == null ? null : r.fieller().interval());
        n.put("level", m.level());
        n.put("verdict", r == null ? null : verdict(r.verdict().name()));
        n.put("agreement", r == null ? null : r.agreement().name().toLowerCase(Locale.ROOT));
        number(n, "pValue", r == null ? null : r.pValue());
        holm(n, m.adjustedPValue(), m.familySize(), m.level());
        n.put("modelled", m.modelled());
        number(n, "meanArm", r == null ? null : r.meanX());
        number(n, "meanBaseline", r == null ? null : r.meanY());
        n.put("missing", m.missing() != null ? m.missing() : r.intervalMissing());
        ArrayNode notes = n.putArray("notes");
        m.notes().forEach(notes::add);
        if (r != null && r.fieller() != null && r.fieller().undefinedReason() != null) {
            notes.add("Fieller: " + r.fieller().undefinedReason());
        }
    }

    private static void accuracy(ObjectNode n, AccuracyResult a) {
        AccuracyComparison c = a.comparison();
        number(n, "differencePp", c == null ? null : c.differencePp());
        interval(n, "ci95", c == null ? null : c.interval());
        n.put("level", a.level());
        n.put("verdict", c == null ? null : verdict(c.verdict().name()));
        number(n, "pValue", c == null ? null : c.pValue());
        holm(n, a.adjustedPValue(), a.familySize(), a.level());
        n.put("missing", a.missing() != null ? a.missing() : c.intervalMissing());
        ArrayNode notes = n.putArray("notes");
        a.notes().forEach(notes::add);
    }

    private static void holm(ObjectNode n, Double adjusted, int size, double level) {
        if (adjusted == null) {
            n.putNull("holm");
            return;
        }
        n.putObject("holm").put("familySize", size).put("level", level).put("adjustedPValue", adjusted);
    }

    static String verdict(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void interval(ObjectNode n, String field, Interval i) {
        if (i == null) {
            n.putNull(field);
        } else {
            n.putArray(field).add(i.lower()).add(i.upper());
        }
    }

    private static void number(ObjectNode n, String field, Double v) {
        if (v == null || !Double.isFinite(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }
}
