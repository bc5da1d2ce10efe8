/** Suites: YAML files of arms, seeds and protocols, validated with line numbers, planned into paired blocks. */
package io.joulebench.harness.suite;
