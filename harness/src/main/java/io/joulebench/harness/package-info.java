/** The JouleBench application: trials, results, provenance and the command line. */
package io.joulebench.harness;
