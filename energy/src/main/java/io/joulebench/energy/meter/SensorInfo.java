package io.joulebench.energy.meter;

import io.joulebench.energy.Method;

/** A sensor the meter uses: its domain, provider, method and exact source. */
public record SensorInfo(String domain, String provider, Method method, String source) {
}
