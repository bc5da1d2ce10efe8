/** Suites on Slurm: the array and merge job scripts, submitting and polling them, merging shard results. */
package io.joulebench.harness.slurm;
