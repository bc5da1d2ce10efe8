package io.joulebench.energy.model;

/**
 * The CPU package model: P = TDP x (0.1 + 0.9 x load^3), load in [0, 1] the share of non-idle ticks of the whole
 * system (formula as stated in spec/energy-method.md, attributed there to CodeCarbon).
 */
public final class CpuPowerModel {
    private CpuPowerModel() {
    }

    /** Watts for a system load in [0, 1] (clamped). */
    public static double watts(double tdpWatts, double load) {
        double l = Math.max(0.0, Math.min(1.0, load));
        return tdpWatts * (0.1 + 0.9 * l * l * l);
    }

    /**
     * Busy share between two tick snapshots in OSHI's order (user, nice, system, idle, iowait, irq, softirq, steal);
     * NaN when no tick elapsed.
     */
    public static double load(long[] before, long[] after) {
        long total = 0;
        long idle = 0;
        for (int i = 0; i < Math.min(before.length, after.length); i++) {
            long d = after[i] - before[i];
            total += d;
            if (i == 3 || i == 4) {
                idle += d;
            }
        }
        return total <= 0 ? Double.NaN : (double) (total - idle) / total;
    }

    /**
     * A process tree's load between two readings: its CPU ticks / the machine's total ticks over all CPUs (wall time
     * x logical CPUs), capped at 1; NaN when no tick elapsed. A tree whose time went down (a descendant left it)
     * counts as idle.
     */
    public static double treeLoad(io.joulebench.energy.process.CpuTimes before,
                                  io.joulebench.energy.process.CpuTimes after) {
        long total = after.totalTicks() - before.totalTicks();
        if (total <= 0) {
            return Double.NaN;
        }
        long tree = Math.max(0, after.treeTicks() - before.treeTicks());
        return Math.min(1.0, (double) tree / total);
    }
}
