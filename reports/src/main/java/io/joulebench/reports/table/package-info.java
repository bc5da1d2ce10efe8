/** Table formats (Markdown, LaTeX booktabs, CSV), all formatted with Locale.ROOT and escaped per format. */
package io.joulebench.reports.table;
