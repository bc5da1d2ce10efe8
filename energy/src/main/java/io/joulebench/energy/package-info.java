/** Measures energy and power: GPU via NVML, CPU and DRAM via RAPL, a labelled model otherwise; host facts. */
package io.joulebench.energy;
