package io.joulebench.harness;

import io.joulebench.harness.cli.JouleBenchCommand;

/** Entry point; the only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(io.joulebench.harness.cli.WorkerCommand.NAME)) {
            ParentWatch.start();
        }
        System.exit(JouleBenchCommand.execute(args));
    }
}
