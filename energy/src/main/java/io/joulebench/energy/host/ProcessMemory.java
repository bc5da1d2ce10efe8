package io.joulebench.energy.host;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Memory of this process as the OS sees it.
 *
 * @param residentBytes current resident set size
 * @param virtualBytes  virtual size
 */
public record ProcessMemory(long residentBytes, long virtualBytes) {

    /** This process, now. */
    public static ProcessMemory current() {
        OperatingSystem os = new SystemInfo().getOperatingSystem();
        OSProcess p = os.getProcess(os.getProcessId());
        if (p == null) {
            throw new IllegalStateException("the OS does not report this process");
        }
        return new ProcessMemory(p.getResidentSetSize(), p.getVirtualSize());
    }
}
