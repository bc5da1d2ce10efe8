package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.analysis.Analysis;
import io.joulebench.harness.analysis.AnalysisOptions;
import io.joulebench.harness.analysis.StatsJson;
import io.joulebench.harness.analysis.StatsReport;
import io.joulebench.harness.analysis.StatsTable;
import io.joulebench.harness.analysis.TrialSources;
import io.joulebench.harness.stats.ComparisonOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code joulebench stats}: per-arm summaries and each arm against its baseline, from results files. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Summarise trials per arm (n, mean, 95 %% t-interval, sd, CV, median, min, max, outliers) and"
                + " compare each arm with its baseline under each protocol (ratio of means with bootstrap and"
                + " Fieller intervals, accuracy difference in pp, verdicts; Holm across several arms)."})
final class StatsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "A results folder (its results.jsonl) or a .jsonl file; several allowed.")
    List<Path> paths;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON (joulebench.stats/1).")
    Path json;

    @Option(names = "--noise", paramLabel = "PCT", defaultValue = "1%",
            description = "Cost verdict threshold: changes within it are no detectable difference (default: "
                    + "${DEFAULT-VALUE}).")
    String noise;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "10000",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--bootstrap-seed", paramLabel = "N", defaultValue = "1",
            description = "Bootstrap generator seed, so reports are reproducible (default: ${DEFAULT-VALUE}).")
    long bootstrapSeed;

    @Option(names = "--equivalence-margin", paramLabel = "PP", defaultValue = "0.5",
            description = "Accuracy equivalence margin in percentage points (default: ${DEFAULT-VALUE}).")
    double marginPp;

    @Option(names = "--baseline", paramLabel = "ARM",
            description = "Compare every other arm with this one (default: the suite's baselines).")
    String baseline;

    @Option(names = "--target-accuracy", paramLabel = "PCT",
            description = "Validation accuracy for the to-target protocol, e.g. 85%% (default: the lower of the two"
                    + " arms' mean best validation accuracy).")
    String target;

    @Override
    public Integer call() {
        AnalysisOptions options = options();
        if (json != null) {
            StatsJson.checkWritable(json); // before any computing: a long analysis must not end in a write error
        }
        TrialSources.Loaded loaded = TrialSources.read(paths);
        StatsReport report = Analysis.analyse(loaded.records(), options);
        List<String> notes = new ArrayList<>(loaded.notes());
        notes.addAll(report.notes());
        report = new StatsReport(report.arms(), report.comparisons(), notes, report.options());
        System.out.print(StatsTable.render(report));
        if (json != null) {
            StatsJson.writeAtomically(report, json);
            System.out.println("wrote " + json);
        }
        return CliErrors.OK;
    }

    private AnalysisOptions options() {
        if (resamples < 100) {
            throw new InvalidConfigurationException("--bootstrap " + resamples + ": at least 100 resamples");
        }
        if (!(marginPp > 0)) {
            throw new InvalidConfigurationException("--equivalence-margin " + marginPp + ": must be positive");
        }
        double n = percent("--noise", noise);
        if (n >= 1) {
            throw new InvalidConfigurationException("--noise " + noise + ": must be below 100%");
        }
        Double t = target == null ? null : percent("--target-accuracy", target);
        if (t != null && !(t > 0 && t <= 1)) {
            throw new InvalidConfigurationException("--target-accuracy " + target + ": must be in (0%, 100%]");
        }
        ComparisonOptions c = ComparisonOptions.DEFAULTS.withResamples(resamples).withSeed(bootstrapSeed)
                .withNoise(n).withEquivalenceMarginPp(marginPp);
        return new AnalysisOptions(c, t, baseline);
    }

    /** "1%" or "1 %" is 0.01; a bare number is a fraction when at most 1 ("0.85"), else percent ("85"). */
    static double percent(String option, String text) {
        String s = text.trim();
        boolean pct = s.endsWith("%");
        if (pct) {
            s = s.substring(0, s.length() - 1).trim();
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(option + " " + text + ": not a number (e.g. 1% or 0.01)");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidConfigurationException(option + " " + text + ": must be a non-negative number");
        }
        return pct || v > 1 ? v / 100 : v;
    }
}
