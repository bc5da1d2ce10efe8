/** The report's plain view model: values with units, intervals and how they were obtained; no trial types. */
package io.joulebench.reports.model;
