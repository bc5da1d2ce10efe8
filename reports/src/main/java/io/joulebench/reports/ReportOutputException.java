package io.joulebench.reports;

import java.io.IOException;

/** The output folder cannot be written or replaced (e.g. it holds files that are not a report). */
public class ReportOutputException extends IOException {
    public ReportOutputException(String message) {
        super(message);
    }
}
