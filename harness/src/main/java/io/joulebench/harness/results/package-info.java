/** Durable, schema-versioned results: one JSON line per finished trial, flushed at once. */
package io.joulebench.harness.results;
