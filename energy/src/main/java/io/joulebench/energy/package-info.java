/** Measures energy and power: the sensor SPI (providers, energy counters, power sensors), domains, readings and options. */
package io.joulebench.energy;
