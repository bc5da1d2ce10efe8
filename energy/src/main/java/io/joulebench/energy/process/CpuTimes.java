package io.joulebench.energy.process;

/**
 * One reading of CPU time, in clock ticks (USER_HZ) as /proc gives them; only differences and ratios are used, so
 * the tick length never matters.
 *
 * @param treeTicks    CPU time of the process tree (see {@link ProcessTree})
 * @param busyTicks    the machine's busy time over all CPUs: total minus idle and iowait
 * @param totalTicks   the machine's total time over all CPUs (wall time x logical CPUs, in ticks)
 */
public record CpuTimes(long treeTicks, long busyTicks, long totalTicks) {
}
