/** Plain facts about the host (CPU, cores, frequency governor, OS, memory) and this process's memory, via OSHI and /sys. */
package io.joulebench.energy.host;
