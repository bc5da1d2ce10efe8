package io.joulebench.harness.cli;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.algorithms.data.DatasetException;
import io.joulebench.energy.EnergyException;
import io.joulebench.energy.carbon.CarbonException;
import io.joulebench.harness.data.DataFetchException;
import io.joulebench.harness.data.UnknownDatasetException;
import io.joulebench.harness.results.ResultsIoException;
import io.joulebench.harness.trial.TrialJvmOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The one mapping from failures to what the user sees: one line on stderr, {@code joulebench COMMAND: message},
 * and an exit code per class of failure (table in docs/reliability.md). Every command goes through it, for
 * execution and parameter errors alike; a stack trace only with JOULEBENCH_DEBUG=1.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int OK = 0;
    /** Some trials failed (recorded), or an unexpected error in JouleBench itself. */
    static final int FAILED = 1;
    /** Bad options, parameters or environment: nothing ran. */
    static final int USAGE = 2;
    /** A dataset is missing, truncated, corrupt or too large; a download or archive failed. */
    static final int DATA = 3;
    /** An energy sensor or meter failed, or --require cannot be met. */
    static final int ENERGY = 4;
    /** The output folder or a results file cannot be used (not writable, locked, full disk, corrupt). */
    static final int OUTPUT = 5;
    /** Out of memory (heap or native). */
    static final int RESOURCES = 6;
    /** Interrupted: 128 + the signal's number, as shells report it. */
    static final int SIGINT = 130;
    static final int SIGTERM = 143;

    /** Installs the mapping on a command line (the application's, or a test's own). */
    static CommandLine install(CommandLine cl) {
        CliErrors errors = new CliErrors();
        return cl.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        return report(e, cmd);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String help = name(cmd) + " --help";
        String m = e.getMessage() == null ? "bad options" : e.getMessage().strip();
        if (!(e.getCause() instanceof InvalidConfigurationException) && !m.contains("--help")) {
            m += " (see '" + help + "')";
        }
        return print(cmd, e, oneLine(m), USAGE);
    }

    /** Reports any failure, errors included (out of memory reaches Main outside picocli's handler). */
    static int report(Throwable e, CommandLine cmd) {
        return print(cmd, e, message(e), exitCode(e));
    }

    private static int print(CommandLine cmd, Throwable e, String message, int code) {
        PrintWriter err = cmd.getErr();
        if ("1".equals(System.getenv("JOULEBENCH_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.println(name(cmd) + ": " + message);
        err.flush();
        return code;
    }

    /** {@code joulebench run}, {@code joulebench data fetch}: the command as typed. */
    private static String name(CommandLine cmd) {
        String q = cmd.getCommandSpec().qualifiedName();
        return q.startsWith("joulebench") ? q : "joulebench " + q;
    }

    static int exitCode(Throwable e) {
        if (causedBy(e, OutOfMemoryError.class) || causedBy(e, StackOverflowError.class)) {
            return RESOURCES;
        }
        if (e instanceof InterruptedException) {
            return SIGINT;
        }
        if (e instanceof InvalidConfigurationException || e instanceof CommandLine.ParameterException
                || e instanceof CarbonException || e instanceof UnknownDatasetException) {
            return USAGE;
        }
        if (e instanceof DatasetException || e instanceof DataFetchException) {
            return DATA;
        }
        if (e instanceof EnergyException) {
            return ENERGY;
        }
        if (e instanceof ResultsIoException || e instanceof UncheckedIOException || e instanceof IOException) {
            return OUTPUT;
        }
        return FAILED;
    }

    static String message(Throwable e) {
        Throwable oom = cause(e, OutOfMemoryError.class);
        if (oom != null) {
            return outOfMemory(oom);
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow; raise the thread stack, e.g. JOULEBENCH_JAVA_OPTS='-Xmx8g -Xss16m'";
        }
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        int code = exitCode(e);
        String m = e.getMessage();
        if (code != FAILED && m != null && !m.isBlank()) {
            return oneLine(m);
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + oneLine(m))
                + " (an unexpected error; rerun with JOULEBENCH_DEBUG=1 for the stack trace)";
    }

    /**
     * Set in a trial's own JVM ({@code trial-worker}): its heap comes from {@link TrialJvmOptions}, so the fix is
     * {@value TrialJvmOptions#ENV}, not the launcher's options.
     */
    static volatile boolean trialJvm;

    /** The fix for the heap (the launcher passes JOULEBENCH_JAVA_OPTS to java) or for native memory. */
    static String outOfMemory(Throwable oom) {
        long maxMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String what = oom.getMessage() == null ? "" : " (" + oneLine(oom.getMessage()) + ")";
        String fix = trialJvm ? TrialJvmOptions.ENV + "='-XX:+UseSerialGC -Xmx" + Math.max(2 * maxMiB, 1024) + "m'"
                : "JOULEBENCH_JAVA_OPTS=-Xmx8g";
        return String.format(Locale.ROOT, "out of memory%s with a %d MiB heap; raise it, e.g."
                + " %s ./joulebench ..., or train a smaller model or batch", what, maxMiB, fix);
    }

    /** The fix for a trial whose own JVM ran out of memory, as its parent says it. */
    static String trialOutOfMemory() {
        return "out of memory in the trial's JVM; raise its heap, e.g. " + TrialJvmOptions.ENV
                + "='-XX:+UseSerialGC -Xmx16g' ./joulebench ... (docs/benchmarks.md, Memory), or train a smaller"
                + " model or batch";
    }

    static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
