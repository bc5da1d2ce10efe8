package io.joulebench.harness.cli;

import io.joulebench.algorithms.TrainerRegistry;
import io.joulebench.energy.EnergyException;
import io.joulebench.harness.report.ReportMapper;
import io.joulebench.harness.suite.PlannedTrial;
import io.joulebench.harness.suite.Shard;
import io.joulebench.harness.suite.Suite;
import io.joulebench.harness.suite.SuiteLoader;
import io.joulebench.harness.suite.SuitePlanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code joulebench demo}: the demo suite ({@code suites/demo.yaml}) on the embedded dataset. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The demo suite (suites/demo.yaml, runs offline in about two minutes on 2 cores): the study's"
                + " headline pair, Mono-Forward (mf, 2x1000) against its backprop twin (bp-mlp), three paired seeds,"
                + " one JVM per trial, then per-arm means with intervals and the MF/BP ratios.")
final class DemoCommand implements Callable<Integer> {
    static final String SUITE_RESOURCE = "/suites/demo.yaml";

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: results/demo-DATE-TIME).")
    Path out;

    @Option(names = "--seeds", paramLabel = "LIST", description = "Seeds instead of the suite's 1,2,3.")
    String seeds;

    @Option(names = "--no-fork", description = "Run every trial in this JVM (debugging).")
    boolean noFork;

    @Mixin
    TrialMeteringOptions energy;

    @Mixin
    LockOptions lock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws EnergyException, InterruptedException, IOException {
        Path dir = out != null ? out : Path.of("results",
                "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        TrainerRegistry registry = TrainerRegistry.load();
        Suite suite = SuiteLoader.parse(Path.of("suites/demo.yaml"), demoSuite(), registry);
        List<Long> seedList = seeds == null ? null : SuiteCommand.parseSeeds("--seeds", seeds);
        List<PlannedTrial> plan = SuitePlanner.plan(suite, seedList, Shard.ALL, registry);
        System.out.println("JouleBench demo: " + suite.description());
        return SuiteExecution.runSuite(suite, plan, spec.commandLine().getParseResult(), !noFork, null, dir, lock,
                registry, folder -> {
                    Path index = ReportMapper.write(List.of(folder), ReportMapper.Options.defaults(
                            "JouleBench demo: " + suite.description()), folder.resolve("report"));
                    System.out.println("report: " + index.toAbsolutePath());
                });
    }

    private static byte[] demoSuite() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SUITE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SUITE_RESOURCE + " is missing from the jar; rebuild JouleBench");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo suite: " + e.getMessage(), e);
        }
    }
}
