package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.report.ReferenceStudy;
import io.joulebench.harness.report.ReportMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code joulebench report}: one self-contained HTML report (with tables, charts and emissions.csv) from results. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write an HTML report (index.html, tables/, charts/, emissions.csv, summary.json) from results"
                + " folders or .jsonl files (joulebench.trial/1 and /2). Prints the path of index.html.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Results folders or .jsonl files.")
    List<Path> paths;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Report folder (default: PATH/report for a single folder, else ./report).")
    Path out;

    @Option(names = "--reference", paramLabel = "NAME", defaultValue = "beyond-bp",
            description = "The study to set beside ours: beyond-bp (arXiv 2509.19063) or none (default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title.")
    String title;

    @Option(names = "--baseline", paramLabel = "ARM",
            description = "The arm to compare against (default: the suite's baseline, else the bp-* arm).")
    String baseline;

    @Override
    public Integer call() throws IOException {
        ReferenceStudy study = switch (reference) {
            case "beyond-bp" -> ReferenceStudy.load();
            case "none" -> null;
            default -> throw new InvalidConfigurationException("--reference " + reference
                    + ": expected beyond-bp or none");
        };
        Path dir = out != null ? out : paths.size() == 1 && Files.isDirectory(paths.get(0))
                ? paths.get(0).resolve("report") : Path.of("report");
        ReportMapper.Options defaults = ReportMapper.Options.defaults(title != null ? title
                : "JouleBench report: " + paths.stream().map(p -> p.getFileName() == null ? p.toString()
                : p.getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse(""));
        Path index = ReportMapper.write(paths, new ReportMapper.Options(defaults.title(), baseline, study,
                defaults.generated(), defaults.stats()), dir);
        System.out.println(index.toAbsolutePath());
        return CliErrors.OK;
    }
}
