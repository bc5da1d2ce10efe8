/** emissions.csv: CodeCarbon's 38 columns first, in CodeCarbon's order, then JouleBench's own. */
package io.joulebench.reports.emissions;
