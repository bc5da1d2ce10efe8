/** Trainers that run outside the JVM (any framework) through the same SPI: a command reporting JSON-line events. */
package io.joulebench.algorithms.external;
