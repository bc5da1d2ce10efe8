package io.joulebench.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the stats command lands from its branch. */
@Command(name = "stats", hidden = true)
final class StatsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return CliErrors.FAILED;
    }
}
