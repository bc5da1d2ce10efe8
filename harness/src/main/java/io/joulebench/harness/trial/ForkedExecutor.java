package io.joulebench.harness.trial;

import io.joulebench.algorithms.TrainingListener;
import io.joulebench.energy.meter.IdleBaseline;
import io.joulebench.harness.result.Execution;
import io.joulebench.harness.result.ResultCodec;
import io.joulebench.harness.result.TrialRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs every trial in a JVM of its own, as JMH forks: fresh JIT state, heap and peak-RSS counter per trial, and a
 * crash or kill -9 costs one trial. The child gets the parent's JVM options (less those sizing its heap or choosing
 * its collector: a trial gets its own, see {@link TrialJvmOptions}) and class path, reads a request file,
 * writes its record to a response file; its progress and errors are relayed line by line. Its stdin stays open
 * while the parent lives: the child stops when it closes, so a killed parent leaves no trial running.
 */
public final class ForkedExecutor implements TrialExecutor {
    /** Lines of a dead child's stderr kept in its record. */
    static final int STDERR_TAIL_LINES = 20;

    private final Function<TrialSpec, List<String>> javaCommand;
    private final List<String> workerArgs;
    private final Path workDir;
    private final String dataDir;
    private final boolean meter;
    private final Supplier<IdleBaseline> idle;
    private final PrintStream out;
    private final PrintStream err;
    private final InFlightTrial inFlight;
    private final Path resultsDir;
    /** Set when a signal to this process stops the child: the signal handler then owns the trial's record. */
    private volatile boolean stopping;

    /**
     * @param javaCommand the java executable, JVM options, class path and main class
     * @param workerArgs  the worker subcommand with the energy options to pass on
     * @param workDir     where request and response files live during a trial
     */
    public ForkedExecutor(List<String> javaCommand, List<String> workerArgs, Path workDir, String dataDir,
                          boolean meter, Supplier<IdleBaseline> idle, PrintStream out, PrintStream err,
                          InFlightTrial inFlight) {
        this(spec -> javaCommand, workerArgs, workDir, dataDir, meter, idle, out, err, inFlight, null);
    }

    /**
     * @param javaCommand per trial, the java executable, JVM options (its memory options depend on the trial's
     *                    dataset), class path and main class
     * @param resultsDir  the folder of results.jsonl: the child writes each trial's power trace beside it
     */
    public ForkedExecutor(Function<TrialSpec, List<String>> javaCommand, List<String> workerArgs, Path workDir, String dataDir,
                          boolean meter, Supplier<IdleBaseline> idle, PrintStream out, PrintStream err,
                          InFlightTrial inFlight, Path resultsDir) {
        this.resultsDir = resultsDir;
        this.out = out;
        this.inFlight = inFlight;
        this.javaCommand = javaCommand;
        this.workerArgs = List.copyOf(workerArgs);
        this.workDir = workDir;
        this.dataDir = dataDir;
        this.meter = meter;
        this.idle = idle;
        this.err = err;
    }

    @Override
    public boolean forked() {
        return true;
    }

    @Override
    public TrialRecord execute(TrialPlan plan, TrainingListener progress) throws InterruptedException {
        String startedAt = Instant.now().toString();
        long start = System.nanoTime();
        String id = plan.spec().key() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path request = workDir.resolve(id + ".request.json");
        Path response = workDir.resolve(id + ".response.json");
        Deque<String> tail = new ArrayDeque<>();
        Integer exit = null;
        String problem;
        try {
            Files.createDirectories(workDir);
            Files.writeString(request, ResultCodec.json().writeValueAsString(
                    new TrialRequest(plan.spec(), dataDir, meter, idle.get(),
                            resultsDir == null ? null : resultsDir.toAbsolutePath().toString())), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(javaCommand.apply(plan.spec()));
            command.addAll(workerArgs);
            command.addAll(List.of("--request", request.toString(), "--response", response.toString()));
            Process child = new ProcessBuilder(command).start();
            Thread reader = relay(child.getErrorStream(), err, tail, "joulebench-trial-stderr");
            Thread stdout = relay(child.getInputStream(), out, null, "joulebench-trial-stdout");
            if (inFlight != null) {
                inFlight.attachChild(why -> stopAndCollect(child, response));
            }
            try {
                exit = child.waitFor();
                while (stopping) {
                    Thread.sleep(1000); // the signal handler records the trial and ends this process
                }
            } catch (InterruptedException e) {
                child.destroy();
                throw e;
            } finally {
                if (inFlight != null) {
                    inFlight.detachChild();
                }
                reader.join(2000);
                stdout.join(2000);
                child.getOutputStream().close();
            }
            if (Files.exists(response)) {
                TrialRecord r = ResultCodec.parse(Files.readString(response, StandardCharsets.UTF_8));
                Execution e = new Execution(true, exit, r.completed() ? null : tailText(tail),
                        (System.nanoTime() - start) / 1e9, null, null, null, null);
                return r.withSuite(r.suite(), r.warmup(), e);
            }
            problem = "the trial's JVM exited with status " + exit + describe(exit) + " before writing its record";
        } catch (IOException e) {
            problem = "could not run the trial's JVM: " + e.getMessage();
        } finally {
            deleteQuietly(request);
            deleteQuietly(response);
        }
        return failed(plan.spec(), startedAt, problem, new Execution(true, exit, tailText(tail),
                (System.nanoTime() - start) / 1e9, null, null, null, null));
    }

    /** Asks the child to stop (SIGTERM: it saves its trial as interrupted) and reads what it saved. */
    private TrialRecord stopAndCollect(Process child, Path response) {
        stopping = true;
        try {
            // SIGTERM through the handle: Process.destroy would also close the child's stdin, which the child
            // reads as its parent's death and halts before saving.
            child.toHandle().destroy();
            if (!child.waitFor(STOP_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
                return null;
            }
            return Files.exists(response) ? ResultCodec.parse(Files.readString(response, StandardCharsets.UTF_8))
                    : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** How long a stopped child may take to save its interrupted trial. */
    static final int STOP_GRACE_SECONDS = 5;

    /** Echoes one of the child's output streams line by line, keeping the last lines when {@code tail} is given. */
    private static Thread relay(java.io.InputStream from, PrintStream to, Deque<String> tail, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    to.println(line);
                    to.flush();
                    if (tail != null) {
                        synchronized (tail) {
                            tail.addLast(line);
                            if (tail.size() > STDERR_TAIL_LINES) {
                                tail.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // The child is gone; what was read is kept.
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String tailText(Deque<String> tail) {
        synchronized (tail) {
            return tail.isEmpty() ? null : String.join("\n", tail);
        }
    }

    static String describe(Integer exit) {
        if (exit == null) {
            return "";
        }
        return switch (exit) {
            case 137 -> " (killed: SIGKILL, e.g. kill -9 or the kernel's out-of-memory killer)";
            case 143 -> " (terminated: SIGTERM)";
            case 130 -> " (interrupted: SIGINT)";
            case 134 -> " (aborted: SIGABRT, a native crash)";
            case 139 -> " (segmentation fault in native code)";
            default -> "";
        };
    }

    /** The record of a trial whose JVM died: no metric has a value, every one says why. */
    static TrialRecord failed(TrialSpec spec, String startedAt, String problem, Execution execution) {
        return TrialRecord.withoutResult(spec, startedAt, TrialRecord.FAILED, problem, List.of(), execution);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover transport file is harmless: it is never read again.
        }
    }
}
