package io.joulebench.reports.emissions;

import java.util.Locale;

/**
 * CodeCarbon's emissions.csv columns, in its order (shared/spec/reports.md); the declaration order is the file's
 * column order, so do not reorder.
 */
public enum CodeCarbonColumn {
    TIMESTAMP(Kind.TIMESTAMP),
    PROJECT_NAME(Kind.TEXT),
    RUN_ID(Kind.TEXT),
    EXPERIMENT_ID(Kind.TEXT),
    DURATION(Kind.NUMBER),
    EMISSIONS(Kind.NUMBER),
    EMISSIONS_RATE(Kind.NUMBER),
    CPU_POWER(Kind.NUMBER),
    GPU_POWER(Kind.NUMBER),
    RAM_POWER(Kind.NUMBER),
    CPU_ENERGY(Kind.NUMBER),
    GPU_ENERGY(Kind.NUMBER),
    RAM_ENERGY(Kind.NUMBER),
    ENERGY_CONSUMED(Kind.NUMBER),
    WATER_CONSUMED(Kind.NUMBER),
    COUNTRY_NAME(Kind.TEXT),
    COUNTRY_ISO_CODE(Kind.TEXT),
    REGION(Kind.TEXT),
    CLOUD_PROVIDER(Kind.TEXT),
    CLOUD_REGION(Kind.TEXT),
    OS(Kind.TEXT),
    PYTHON_VERSION(Kind.ALWAYS_EMPTY),
    CODECARBON_VERSION(Kind.ALWAYS_EMPTY),
    CPU_COUNT(Kind.INTEGER),
    CPU_MODEL(Kind.TEXT),
    GPU_COUNT(Kind.INTEGER),
    GPU_MODEL(Kind.TEXT),
    LONGITUDE(Kind.NUMBER),
    LATITUDE(Kind.NUMBER),
    RAM_TOTAL_SIZE(Kind.NUMBER),
    TRACKING_MODE(Kind.TEXT),
    CPU_UTILIZATION_PERCENT(Kind.NUMBER),
    GPU_UTILIZATION_PERCENT(Kind.NUMBER),
    RAM_UTILIZATION_PERCENT(Kind.NUMBER),
    RAM_USED_GB(Kind.NUMBER),
    ON_CLOUD(Kind.YES_NO),
    PUE(Kind.NUMBER),
    WUE(Kind.NUMBER);

    /** What a column holds; the row builder checks it. */
    public enum Kind { TIMESTAMP, TEXT, NUMBER, INTEGER, YES_NO, ALWAYS_EMPTY }

    private final Kind kind;

    CodeCarbonColumn(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The column's name in the file: "cpu_utilization_percent". */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
