/** CPU time of a process tree and of the whole machine, read from an injected /proc, for attributing shared energy. */
package io.joulebench.energy.process;
