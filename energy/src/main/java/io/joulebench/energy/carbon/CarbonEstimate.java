package io.joulebench.energy.carbon;

import java.util.List;

/**
 * Carbon of an energy figure. kgCO2e = sum over time of E [kWh] x PUE x CI [kg/kWh].
 *
 * @param method               {@code ANNUAL_AVERAGE} or {@code TIME_RESOLVED}
 * @param region               region code used ({@code POL}, {@code WORLD}, or the series name)
 * @param regionName           its name
 * @param year                 data year (annual average); null for a time series
 * @param source               where the intensity comes from
 * @param pue                  power usage effectiveness applied
 * @param energyJoules         IT energy the estimate is based on (gross)
 * @param energyKwh            the same, kWh
 * @param gramsPerKwh          the (energy-weighted mean) intensity; null when there was no energy to weight it
 * @param gramsCO2e            the result
 * @param notes                caveats
 */
public record CarbonEstimate(String method, String region, String regionName, Integer year, String source, double pue,
                             double energyJoules, double energyKwh, Double gramsPerKwh, double gramsCO2e,
                             List<String> notes) {
    public CarbonEstimate {
        notes = List.copyOf(notes);
    }
}
