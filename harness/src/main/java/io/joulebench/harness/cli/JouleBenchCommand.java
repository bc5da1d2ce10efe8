package io.joulebench.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code joulebench} top-level command; subcommands are registered here. */
@Command(name = "joulebench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Energy-aware benchmarking of neural-network training.",
        subcommands = {DemoCommand.class, RunCommand.class, ListCommand.class, DataCommand.class, SensorsCommand.class,
            MeasureCommand.class, SuiteCommand.class, StatsCommand.class, WorkerCommand.class,
            CommandLine.HelpCommand.class})
public final class JouleBenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with every subcommand and runs it; returns the exit code. */
    public static int execute(String... args) {
        return new CommandLine(new JouleBenchCommand())
                .setExecutionExceptionHandler(new CliErrors())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
