package io.joulebench.harness.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a command does when the process gets SIGINT or SIGTERM. {@code Main} installs the signal handlers and
 * exits; commands register what to save first. The newest registration answers; with none, the process exits.
 */
public final class Interrupts {
    /** A command's reaction to a signal. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param signal {@code INT} or {@code TERM}
         * @return true to exit now (with 128 + the signal's number), false when the command finishes by itself
         */
        boolean onSignal(String signal);
    }

    private static final Deque<Handler> HANDLERS = new ArrayDeque<>();
    private static volatile String received;

    private Interrupts() {
    }

    /** Registers a handler until the returned registration is closed. */
    public static Registration register(Handler handler) {
        synchronized (HANDLERS) {
            HANDLERS.push(handler);
        }
        return () -> {
            synchronized (HANDLERS) {
                HANDLERS.remove(handler);
            }
        };
    }

    /** Called by Main's signal handler; whether the process should exit now. */
    public static boolean deliver(String signal) {
        received = signal;
        Handler h;
        synchronized (HANDLERS) {
            h = HANDLERS.peek();
        }
        return h == null || h.onSignal(signal);
    }

    /** The last signal received, or null. */
    static String received() {
        return received;
    }

    /** The exit code of a process ended by a signal: 128 + its number, as shells report it. */
    static int exitCode(String signal) {
        return "INT".equals(signal) ? CliErrors.SIGINT : CliErrors.SIGTERM;
    }

    /** An undoable registration. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
