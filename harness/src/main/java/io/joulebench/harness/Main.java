package io.joulebench.harness;

import io.joulebench.harness.cli.Interrupts;
import io.joulebench.harness.cli.JouleBenchCommand;
import sun.misc.Signal;

/** Entry point; the only place that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(io.joulebench.harness.cli.WorkerCommand.NAME)) {
            ParentWatch.start();
        }
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                // The running command saves what it has first (see Interrupts), then the process ends as the
                // signal would have ended it: exit status 128 + its number.
                Signal.handle(new Signal(name), s -> {
                    if (Interrupts.deliver(s.getName())) {
                        System.exit(128 + s.getNumber());
                    }
                });
            } catch (IllegalArgumentException e) {
                // this platform or JVM option (-Xrs) keeps the signal: its default action stays
            }
        }
        System.exit(JouleBenchCommand.execute(args));
    }
}
