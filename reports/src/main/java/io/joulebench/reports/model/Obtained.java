package io.joulebench.reports.model;

/** How a figure was obtained; everything but {@link #MEASURED} is marked wherever it is shown. */
public enum Obtained {
    /** Read from a counter or sensor. */
    MEASURED,
    /** Estimated by a model where no counter exists. */
    MODELLED,
    /** A share of a measured machine-wide figure, attributed to one trial or process. */
    ATTRIBUTED,
    /** Not available; the cell carries the reason. */
    UNAVAILABLE
}
