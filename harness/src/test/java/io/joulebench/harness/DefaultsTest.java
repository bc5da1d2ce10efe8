package io.joulebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.joulebench.algorithms.data.Datasets;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.harness.cli.DurationConverter;
import org.junit.jupiter.api.Test;

class DefaultsTest {
    @Test
    void theTextDefaultsAgreeWithTheValuesTheModulesUse() {
        assertEquals(MeterOptions.DEFAULT_INTERVAL, new DurationConverter().convert(Defaults.INTERVAL));
        assertEquals(Datasets.DEFAULT_SPLIT_SEED, Long.parseLong(Defaults.SPLIT_SEED));
        assertEquals(Defaults.IDLE_DURATION, new DurationConverter().convert(Defaults.IDLE));
    }
}
