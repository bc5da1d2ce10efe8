/** Provenance facts: machine, software versions, backend, git commit, dataset hashes. */
package io.joulebench.harness.provenance;
