package io.joulebench.harness.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code joulebench} top-level command; subcommands are registered here. */
@Command(name = "joulebench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Energy-aware benchmarking of neural-network training.",
        subcommands = {DemoCommand.class, RunCommand.class, ListCommand.class, DataCommand.class, SensorsCommand.class,
            MeasureCommand.class, SuiteCommand.class, StatsCommand.class, ReportCommand.class, SlurmCommand.class,
            MergeCommand.class, WorkerCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes (docs/reliability.md):%n",
        exitCodeList = {"0:ok", "1:some trials failed (recorded), or an unexpected error",
            "2:bad options, parameters or environment (nothing ran)", "3:dataset missing, truncated or corrupt",
            "4:energy sensor or --require failed", "5:output folder or results file unusable (not writable,"
                + " locked, full disk)", "6:out of memory", "130/143:interrupted (SIGINT/SIGTERM)"})
public final class JouleBenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with every subcommand and runs it; returns the exit code. */
    public static int execute(String... args) {
        return execute(System.getenv(), args);
    }

    static int execute(Map<String, String> env, String... args) {
        CommandLine cl = commandLine(env);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Errors pass picocli's handler by; they reach the user through the same mapping.
            return CliErrors.report(e, cl);
        }
    }

    /** The application's command line: the one error mapping, and the environment checked before any command. */
    static CommandLine commandLine(Map<String, String> env) {
        CommandLine cl = new CommandLine(new JouleBenchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            boolean help = parsed.asCommandLineList().stream().anyMatch(c -> c.isUsageHelpRequested()
                    || c.isVersionHelpRequested());
            if (!help) {
                try {
                    Environment.check(env);
                } catch (RuntimeException e) {
                    throw new CommandLine.ParameterException(cl, e.getMessage(), e);
                }
            }
            return runLast.execute(parsed);
        });
        return CliErrors.install(cl);
    }
}
