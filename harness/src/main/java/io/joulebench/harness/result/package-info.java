/** The harness-owned, versioned result model ({@code joulebench.trial/2}): what statistics, reports and merges read. */
package io.joulebench.harness.result;
