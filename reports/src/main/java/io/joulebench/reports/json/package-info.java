/** The report's data as JSON (summary.json and the block embedded in the HTML), written by hand with escaping. */
package io.joulebench.reports.json;
