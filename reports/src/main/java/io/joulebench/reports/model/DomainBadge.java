package io.joulebench.reports.model;

import java.util.Objects;

/**
 * How one energy domain (CPU, GPU, DRAM, ...) was obtained in this report.
 *
 * @param domain   the domain's name
 * @param status   MEASURED, MODELLED or UNAVAILABLE (ATTRIBUTED is shown as measured-and-attributed)
 * @param source   the sensor or model used (e.g. "rapl", "nvml", "TDP model"), may be empty when unavailable
 * @param reason   why it is unavailable or how it is modelled; required unless MEASURED
 */
public record DomainBadge(String domain, Obtained status, String source, String reason) {
    public DomainBadge {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(status, "status");
        source = source == null ? "" : source;
        if (status != Obtained.MEASURED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("badge " + domain + " (" + status + ") needs a reason");
        }
    }
}
