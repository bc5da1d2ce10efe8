package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.data.DatasetException;
import io.joulebench.energy.EnergyException;
import io.joulebench.energy.carbon.CarbonException;
import io.joulebench.harness.results.ResultsStore;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Maps library exceptions to one line on stderr and an exit code; a stack trace only with JOULEBENCH_DEBUG=1. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if ("1".equals(System.getenv("JOULEBENCH_DEBUG"))) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().println("joulebench: error: " + message(e));
        return exitCode(e);
    }

    static int exitCode(Throwable e) {
        return e instanceof InvalidConfigurationException || e instanceof CommandLine.ParameterException
                || e instanceof CarbonException ? USAGE : FAILED;
    }

    static String message(Throwable e) {
        if (e instanceof InvalidConfigurationException || e instanceof DatasetException
                || e instanceof ResultsStore.ResultsFormatException || e instanceof UncheckedIOException
                || e instanceof EnergyException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (rerun with JOULEBENCH_DEBUG=1 for the stack trace)";
    }
}
