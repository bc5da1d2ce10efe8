/** The Trainer SPI: providers found by ServiceLoader, their declared parameters, tasks, listeners and results. */
package io.joulebench.algorithms;
