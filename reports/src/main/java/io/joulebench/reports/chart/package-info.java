/** Charts: the view model's chart specs drawn with JFreeChart, headless, exported as SVG (JFreeSVG) and PNG. */
package io.joulebench.reports.chart;
