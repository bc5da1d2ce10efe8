/** Maps trial records and their statistics into the reports module's plain view model ({@code joulebench report}). */
package io.joulebench.harness.report;
