package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command {@code measure} meters, started in a process group of its own (through {@code setsid}) so that a
 * signal forwarded to it reaches everything it started; without {@code setsid}, the child and its descendants are
 * signalled one by one.
 */
final class MeasuredChild {
    private static final Path SETSID = findOnPath("setsid");
    private static final Path KILL = findOnPath("kill");

    private final Process process;
    private final boolean ownGroup;

    private MeasuredChild(Process process, boolean ownGroup) {
        this.process = process;
        this.ownGroup = ownGroup;
    }

    /** Checks the command can be found, before anything is measured. */
    static void checkRunnable(List<String> command) {
        String name = command.get(0);
        boolean found = name.contains("/") ? Files.isExecutable(Path.of(name)) : findOnPath(name) != null;
        if (!found) {
            throw new InvalidConfigurationException("cannot run '" + name + "': "
                    + (name.contains("/") ? "no such executable file" : "not found on PATH")
                    + " (check the command name and PATH)");
        }
    }

    static MeasuredChild start(List<String> command) throws IOException {
        List<String> argv = new ArrayList<>();
        boolean ownGroup = SETSID != null && KILL != null;
        if (ownGroup) {
            // setsid execs the command itself (our child is never a group leader): its pid is the group's id.
            argv.add(SETSID.toString());
        }
        argv.addAll(command);
        return new MeasuredChild(new ProcessBuilder(argv).inheritIO().start(), ownGroup);
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Sends {@code INT}, {@code TERM} or {@code KILL} to the child's process group (or the child and its own). */
    void signal(String name) {
        if (!process.isAlive()) {
            return;
        }
        if (ownGroup) {
            try {
                new ProcessBuilder(KILL.toString(), "-s", name, "--", "-" + process.pid())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                return;
            } catch (IOException e) {
                // fall through to the per-process way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean kill = "KILL".equals(name);
        process.descendants().forEach(p -> {
            if (kill) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        });
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
    }

    /**
     * Forwards a signal, then kills the group if it has not ended within {@code grace}, on a named daemon
     * thread, so the caller's wait for the child returns either way.
     */
    void forward(String signal, Duration grace) {
        signal(signal);
        Thread killer = new Thread(() -> {
            try {
                if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    signal("KILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "joulebench-measure-grace");
        killer.setDaemon(true);
        killer.start();
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name)) && !Files.isDirectory(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return null;
    }
}
