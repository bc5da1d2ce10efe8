package io.joulebench.algorithms.external;

import io.joulebench.algorithms.Trainer;
import io.joulebench.algorithms.TrainingListener;
import io.joulebench.algorithms.TrainingResult;
import io.joulebench.algorithms.TrainingTask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one external command as a trial and relays its events; its exit or silence is a failed trial. */
final class ExternalTrainer implements Trainer {
    /** How often the events file is read while the command runs. */
    private static final long POLL_MILLIS = 50;
    /** Environment variables recorded in provenance when set: they change what a framework does. */
    private static final List<String> RECORDED_ENV = List.of("CUDA_VISIBLE_DEVICES", "OMP_NUM_THREADS",
            "MKL_NUM_THREADS", "PYTHONPATH", "VIRTUAL_ENV", "CONDA_DEFAULT_ENV", "PYTORCH_CUDA_ALLOC_CONF");
    private static final int STDERR_TAIL = 20;

    private final String command;
    private final String workdir;
    private final int epochs;
    private final int patience;

    ExternalTrainer(String command, String workdir, int epochs, int patience) {
        this.command = command;
        this.workdir = workdir;
        this.epochs = epochs;
        this.patience = patience;
    }

    @Override
    public TrainingResult train(TrainingTask task, TrainingListener listener) {
        Path events = null;
        Process process = null;
        Thread cleanup = null;
        try {
            events = Files.createTempFile("joulebench-events-", ".jsonl");
            String expanded = expand(task, events);
            Path dir = Path.of(workdir).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new ExternalTrainingException("external trainer: workdir " + dir + " is not a folder; set -P "
                        + ExternalProvider.WORKDIR + "=DIR");
            }
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", expanded).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("JOULEBENCH_EVENTS", events.toString());
            pb.environment().put("JOULEBENCH_SEED", Long.toString(task.seed()));
            process = pb.start();
            Process started = process;
            // A JVM that is told to end (SIGTERM, exit) takes the command and its children with it.
            cleanup = new Thread(() -> destroyTree(started), "joulebench-external-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            Deque<String> stderr = new ArrayDeque<>();
            Thread relay = relay(process, stderr);
            EventStream stream = new EventStream(events, command);
            while (!process.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                stream.poll(listener);
            }
            relay.join(2000);
            stream.poll(listener);
            int exit = process.exitValue();
            if (exit != 0) {
                throw new ExternalTrainingException("external trainer '" + command + "' exited with status " + exit
                        + tail(stderr));
            }
            TrainingResult r = stream.result();
            if (r == null) {
                String cut = stream.unfinishedLine();
                throw new ExternalTrainingException("external trainer '" + command + "' ended without a \"result\""
                        + " event" + (cut.isEmpty() ? "" : " (its last line has no newline: " + cut + ")")
                        + "; see docs/external-trainers.md");
            }
            return new TrainingResult(r.testAccuracy(), r.testLoss(), r.epochsRun(), r.epochsPerStage(),
                    r.bestEpoch(), r.stopReason(), r.samplesSeen(), r.flops(), facts(expanded, dir, stream));
        } catch (IOException e) {
            throw new UncheckedIOException("external trainer '" + command + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalTrainingException("external trainer '" + command + "' interrupted");
        } finally {
            if (process != null) {
                destroyTree(process);
            }
            if (cleanup != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
            if (events != null) {
                try {
                    Files.deleteIfExists(events);
                } catch (IOException ignored) {
                    // a temporary file; the OS clears it
                }
            }
        }
    }

    /** The command with its placeholders filled in. */
    String expand(TrainingTask task, Path events) {
        return command.replace("{seed}", Long.toString(task.seed()))
                .replace("{split-seed}", String.valueOf(task.dataset().splitSeed()))
                .replace("{epochs}", Integer.toString(epochs))
                .replace("{patience}", Integer.toString(patience))
                .replace("{dataset}", task.dataset().info().id())
                .replace("{data}", String.valueOf(task.dataset().source()))
                .replace("{events}", events.toString())
                .replace("{workdir}", workdir);
    }

    private Map<String, String> facts(String expanded, Path dir, EventStream stream) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("command", expanded);
        f.put("workdir", dir.toString());
        for (String name : RECORDED_ENV) {
            String v = System.getenv(name);
            if (v != null) {
                f.put("env." + name, v);
            }
        }
        f.putAll(stream.facts());
        return f;
    }

    private static Thread relay(Process p, Deque<String> tail) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.err.println(line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > STDERR_TAIL) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the command is gone
            }
        }, "joulebench-external-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String tail(Deque<String> tail) {
        synchronized (tail) {
            return tail.isEmpty() ? "" : "; its last stderr line: " + tail.peekLast();
        }
    }

    private static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
    }
}
