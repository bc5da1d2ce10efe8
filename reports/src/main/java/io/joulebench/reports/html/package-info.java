/** The self-contained HTML page: inline CSS and SVG, embedded JSON, no network request, one renderer per section. */
package io.joulebench.reports.html;
