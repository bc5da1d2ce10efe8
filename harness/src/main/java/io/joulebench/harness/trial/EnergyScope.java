package io.joulebench.harness.trial;

import java.util.Locale;

/**
 * Which figure the summary and carbon use: the machine's domains, or the process tree's ATTRIBUTED share of the
 * CPU package and DRAM ({@code --scope}). Both are always reported where a tree is metered.
 */
public enum EnergyScope {
    MACHINE, PROCESS;

    /** {@code machine} or {@code process}, as written in records and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
