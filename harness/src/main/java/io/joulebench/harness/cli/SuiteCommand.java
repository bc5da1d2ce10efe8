package io.joulebench.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

// placeholder: replaced on merge
@Command(name = "suite", description = "placeholder")
final class SuiteCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
