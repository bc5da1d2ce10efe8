package io.joulebench.harness;

import java.io.IOException;

/**
 * In a forked trial: the parent holds this JVM's stdin open while it lives, so end of input means the parent is
 * gone (killed, even with kill -9). The trial then stops at once instead of running on unobserved and disturbing
 * the energy of whatever runs next.
 */
final class ParentWatch {
    /** The exit status of a trial stopped because its parent died: as if terminated by SIGTERM. */
    static final int PARENT_GONE = 143;

    private ParentWatch() {
    }

    static void start() {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The parent never writes; anything read is ignored.
                }
            } catch (IOException e) {
                // Treated as end of input.
            }
            // An external trainer's command and its children go too (halt runs no shutdown hooks).
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "joulebench-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
