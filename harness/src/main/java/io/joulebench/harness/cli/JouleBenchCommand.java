package io.joulebench.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code joulebench} top-level command; subcommands are registered here. */
@Command(name = "joulebench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Energy-aware benchmarking of neural-network training.",
        subcommands = {CommandLine.HelpCommand.class, SensorsCommand.class, MeasureCommand.class})
public final class JouleBenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with every subcommand and runs it; returns the exit code. */
    public static int execute(String... args) {
        return new CommandLine(new JouleBenchCommand()).execute(args);
    }
}
