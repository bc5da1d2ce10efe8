/** Renders tables, charts and HTML from plain data; knows no trial type. */
package io.joulebench.reports;
