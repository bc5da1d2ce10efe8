/** JMH benchmarks of one sensor sample per sensor kind, and the sampler's CPU share; not run by surefire. */
package io.joulebench.energy.bench;
