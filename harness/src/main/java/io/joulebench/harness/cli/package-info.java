/** picocli commands: each maps library exceptions to one clear line and an exit code. */
package io.joulebench.harness.cli;
