/** The MODELLED provider: CPU package power from OSHI load ticks and a shipped TDP table, DRAM from installed memory. */
package io.joulebench.energy.model;
