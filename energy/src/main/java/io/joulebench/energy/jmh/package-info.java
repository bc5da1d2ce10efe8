/** A JMH profiler reporting energy per operation and mean power per domain from JouleBench's meter (JMH optional). */
package io.joulebench.energy.jmh;
