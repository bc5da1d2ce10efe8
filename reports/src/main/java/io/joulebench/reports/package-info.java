/** Renders a report (view model in {@code model}) into a folder: index.html, tables, charts, emissions.csv, JSON. */
package io.joulebench.reports;
