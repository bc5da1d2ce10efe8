package io.joulebench.harness;

import io.joulebench.harness.cli.JouleBenchCommand;

/** Entry point; the only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(JouleBenchCommand.execute(args));
    }
}
