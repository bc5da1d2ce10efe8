package io.joulebench.energy.process;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The processes whose share of the machine's energy is attributed: a root process and its live descendants. With
 * {@code includeRoot} false only the root's children count (what {@code measure} meters: the command, not the JVM
 * that meters it); the children that exited and were reaped by the root still count, through its cutime/cstime.
 *
 * @param procRoot    the proc file system (default {@code /proc}; tests inject a fake tree)
 * @param rootPid     the root process
 * @param includeRoot whether the root's own utime/stime count
 */
public record ProcessTree(Path procRoot, long rootPid, boolean includeRoot) {
    /** The real proc file system. */
    public static final Path DEFAULT_PROC = Path.of("/proc");

    public ProcessTree {
        Objects.requireNonNull(procRoot, "procRoot");
        if (rootPid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + rootPid);
        }
    }

    /** This JVM and everything it starts (a forked trial). */
    public static ProcessTree thisProcess() {
        return new ProcessTree(DEFAULT_PROC, ProcessHandle.current().pid(), true);
    }

    /** Everything this JVM starts, without the JVM itself ({@code measure}). */
    public static ProcessTree childrenOfThisProcess() {
        return new ProcessTree(DEFAULT_PROC, ProcessHandle.current().pid(), false);
    }

    /** The tree's and the machine's CPU time now. */
    public CpuTimes read() throws ProcReadException {
        long tree = ProcFs.treeTicks(procRoot, rootPid, includeRoot);
        long[] machine = ProcFs.machineTicks(procRoot);
        return new CpuTimes(tree, machine[0], machine[1]);
    }

    /** "process tree of pid 42" or "children of pid 42". */
    public String describe() {
        return (includeRoot ? "process tree of pid " : "children of pid ") + rootPid;
    }
}
