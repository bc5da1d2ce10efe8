/** RAPL through Linux powercap sysfs: zones by their name file, socket sums, mirror de-duplication, per-zone wrap correction. */
package io.joulebench.energy.rapl;
