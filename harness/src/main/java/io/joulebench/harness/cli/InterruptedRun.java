package io.joulebench.harness.cli;

import io.joulebench.harness.results.ResultsStore;
import io.joulebench.harness.trial.InFlightTrial;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.trial.TrialSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code run} and {@code demo} on SIGINT/SIGTERM: the trial in flight is recorded as {@code interrupted} (durably,
 * unless it just finished), then the user reads which trials are saved and the exact command that resumes.
 */
final class InterruptedRun implements Interrupts.Handler {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private final ResultsStore store;
    private final InFlightTrial inFlight;
    private final String resumeCommand;
    private final PrintStream out;
    private final AutoCloseable folder;
    private final List<String> saved = new ArrayList<>();
    private boolean handled;

    /** @param folder released (its lock) once the interrupted record is written */
    InterruptedRun(ResultsStore store, InFlightTrial inFlight, String resumeCommand, PrintStream out,
                   AutoCloseable folder) {
        this.folder = folder;
        this.store = store;
        this.inFlight = inFlight;
        this.resumeCommand = resumeCommand;
        this.out = out;
    }

    synchronized void saved(String label, String status) {
        saved.add(label + " (" + status + ")");
    }

    @Override
    public synchronized boolean onSignal(String signal) {
        if (handled) {
            return true; // a second Ctrl-C while the first is being handled: already saved and said
        }
        handled = true;
        TrialRecord record = inFlight.interrupted("interrupted by SIG" + signal);
        String inFlightLine = "";
        if (record != null && !finishedMeanwhile(record.spec())) {
            store.append(record);
            inFlightLine = String.format(Locale.ROOT, "%n  trial in flight recorded as interrupted (%d epochs kept;"
                    + " resuming reruns it): %s seed %d", record.epochs().size(), record.spec().trainer(),
                    record.spec().seed());
        }
        out.printf(Locale.ROOT, "%ninterrupted by SIG%s: %d trial(s) saved in %s%s%s%n  resume with: %s%n",
                signal, saved.size(), store.file().toAbsolutePath(),
                saved.isEmpty() ? "" : "\n  saved: " + String.join("; ", saved), inFlightLine, resumeCommand);
        out.flush();
        try {
            folder.close();
        } catch (Exception ignored) {
            // the OS drops the lock at exit anyway; the next run then takes it over
        }
        return true;
    }

    /** The trial's completed record may have been written between the signal and now. */
    private boolean finishedMeanwhile(TrialSpec spec) {
        try {
            return store.readAll().stream().anyMatch(r -> r.completed() && r.spec() != null
                    && r.spec().key().equals(spec.key()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The command line that reruns this one from the same folder, which resumes it. */
    static String resumeCommand(List<String> args) {
        StringBuilder b = new StringBuilder(launcher());
        for (String a : args) {
            b.append(' ').append(PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /** {@code ./joulebench} from its own folder, else the launcher's full path (JOULEBENCH_HOME is set by it). */
    private static String launcher() {
        String home = System.getenv("JOULEBENCH_HOME");
        if (home == null || home.isBlank()) {
            return "joulebench";
        }
        Path launcher = Path.of(home).toAbsolutePath().normalize().resolve("joulebench");
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (launcher.getParent().equals(cwd) && Files.exists(launcher)) {
            return "./joulebench";
        }
        return launcher.toString();
    }
}
