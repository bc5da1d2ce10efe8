package io.joulebench.energy.carbon;

/**
 * The annual average carbon intensity of a country's (or the world's) electricity.
 *
 * @param alpha2       ISO 3166-1 alpha-2 code ({@code XW} for the world)
 * @param alpha3       ISO 3166-1 alpha-3 code ({@code WORLD} for the world)
 * @param name         English name
 * @param gramsPerKwh  gCO2e per kWh generated
 * @param year         data year
 * @param source       where the number comes from
 */
public record GridIntensity(String alpha2, String alpha3, String name, double gramsPerKwh, int year, String source) {
}
