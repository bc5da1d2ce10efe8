package io.joulebench.energy.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parsers for /proc/stat and /proc/PID/stat under an injected root. */
final class ProcFs {
    private ProcFs() {
    }

    /** A process's stat fields after the command name: ppid and utime, stime, cutime, cstime (ticks). */
    record Stat(long pid, long ppid, long utime, long stime, long cutime, long cstime) {
        long own() {
            return utime + stime;
        }

        long reaped() {
            return cutime + cstime;
        }
    }

    /**
     * CPU ticks of the tree: the root's cutime + cstime (children it reaped), its utime + stime when included, and
     * utime + stime + cutime + cstime of every live descendant (a descendant's reaped children are in its cutime;
     * when it exits and is reaped its whole time moves to its parent's cutime, so nothing is counted twice).
     */
    static long treeTicks(Path proc, long rootPid, boolean includeRoot) throws ProcReadException {
        Stat root = readStat(proc, rootPid);
        if (root == null) {
            throw new ProcReadException(proc.resolve(Long.toString(rootPid)).resolve("stat")
                    + ": no such process (the tree's root is gone)");
        }
        long ticks = root.reaped() + (includeRoot ? root.own() : 0);
        Map<Long, List<Stat>> children = new HashMap<>();
        for (Stat s : allStats(proc)) {
            children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
        }
        Deque<Long> todo = new ArrayDeque<>(List.of(rootPid));
        while (!todo.isEmpty()) {
            for (Stat c : children.getOrDefault(todo.pop(), List.of())) {
                if (c.pid() != rootPid) {
                    ticks += c.own() + c.reaped();
                    todo.push(c.pid());
                }
            }
        }
        return ticks;
    }

    /** {busy, total} ticks over all CPUs from the first line of /proc/stat; busy excludes idle and iowait. */
    static long[] machineTicks(Path proc) throws ProcReadException {
        Path f = proc.resolve("stat");
        String line;
        try (var lines = Files.lines(f)) {
            line = lines.findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            throw new ProcReadException(f + ": cannot read (" + e + ")");
        }
        String[] p = line.trim().split("\\s+");
        if (p.length < 5 || !p[0].equals("cpu")) {
            throw new ProcReadException(f + ": first line is not the aggregate 'cpu' line: '" + line + "'");
        }
        long total = 0;
        long idle = 0;
        // user nice system idle iowait irq softirq steal; guest and guest_nice are already inside user and nice.
        for (int i = 1; i < Math.min(p.length, 9); i++) {
            long v = parse(p[i], f);
            total += v;
            if (i == 4 || i == 5) {
                idle += v;
            }
        }
        return new long[] {total - idle, total};
    }

    private static List<Stat> allStats(Path proc) throws ProcReadException {
        List<Stat> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path d : ds) {
                Stat s = readStat(proc, Long.parseLong(d.getFileName().toString()));
                if (s != null) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new ProcReadException(proc + ": cannot list processes (" + e + ")");
        }
        return out;
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** The stat of one process, or null when it is gone (it exited between listing and reading). */
    static Stat readStat(Path proc, long pid) throws ProcReadException {
        Path f = proc.resolve(Long.toString(pid)).resolve("stat");
        String s;
        try {
            s = Files.readString(f);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!Files.exists(f.getParent())) {
                return null;
            }
            throw new ProcReadException(f + ": cannot read (" + e + ")");
        }
        int close = s.lastIndexOf(')'); // the command name may hold spaces and parentheses
        String[] p = close < 0 ? new String[0] : s.substring(close + 1).trim().split("\\s+");
        if (p.length < 15) {
            throw new ProcReadException(f + ": too few fields (" + p.length + " after the command name)");
        }
        // p[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
        return new Stat(pid, parse(p[1], f), parse(p[11], f), parse(p[12], f), parse(p[13], f), parse(p[14], f));
    }

    private static long parse(String v, Path f) throws ProcReadException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ProcReadException(f + ": not a number: '" + v + "'");
        }
    }
}
