package io.joulebench.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SensorOptionsTest {

    @Test
    void explicitBeatsPropertyBeatsEnvironmentBeatsDefault() {
        Properties props = new Properties();
        Map<String, String> env = Map.of(SensorOptions.POWERCAP_ROOT_ENV, "/env/pc", SensorOptions.NVML_LIBRARY_ENV, "/env/nvml.so");
        SensorOptions o = SensorOptions.resolve(null, null, props, env);
        assertEquals(Path.of("/env/pc"), o.powercapRoot());
        assertEquals("/env/nvml.so", o.nvmlLibrary());
        props.setProperty(SensorOptions.POWERCAP_ROOT_PROPERTY, "/prop/pc");
        props.setProperty(SensorOptions.NVML_LIBRARY_PROPERTY, "/prop/nvml.so");
        o = SensorOptions.resolve(null, null, props, env);
        assertEquals(Path.of("/prop/pc"), o.powercapRoot());
        assertEquals("/prop/nvml.so", o.nvmlLibrary());
        o = SensorOptions.resolve(Path.of("/cli/pc"), "/cli/nvml.so", props, env);
        assertEquals(Path.of("/cli/pc"), o.powercapRoot());
        assertEquals("/cli/nvml.so", o.nvmlLibrary());
        o = SensorOptions.resolve(null, null, new Properties(), Map.of());
        assertEquals(SensorOptions.DEFAULT_POWERCAP_ROOT, o.powercapRoot());
        assertEquals(SensorOptions.DEFAULT_NVML_LIBRARY, o.nvmlLibrary());
    }

    @Test
    void anExplicitLocationThatFailsIsRefusedADefaultOneFallsBack(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path missing = tmp.resolve("none");
        java.util.List<SensorProvider> rapl = java.util.List.of(new io.joulebench.energy.rapl.RaplProvider());
        Properties props = new Properties();
        props.setProperty(SensorOptions.POWERCAP_ROOT_PROPERTY, missing.toString());
        for (SensorOptions o : java.util.List.of(SensorOptions.resolve(missing, null, new Properties(), Map.of()),
                SensorOptions.resolve(null, null, props, Map.of()),
                SensorOptions.resolve(null, null, new Properties(), Map.of(SensorOptions.POWERCAP_ROOT_ENV,
                        missing.toString())))) {
            try (var m = io.joulebench.energy.meter.EnergyMeter.open(
                    io.joulebench.energy.meter.MeterOptions.of(o), rapl)) {
                SensorException e = org.junit.jupiter.api.Assertions.assertThrows(SensorException.class,
                        m::requireExplicitLocations);
                org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(o.powercapSetBy() + " "
                        + missing + ": rapl unavailable: no powercap directory"), e.getMessage());
            }
        }
        SensorOptions byDefault = new SensorOptions(missing, "nvidia-ml", System::nanoTime);
        try (var m = io.joulebench.energy.meter.EnergyMeter.open(
                io.joulebench.energy.meter.MeterOptions.of(byDefault), rapl)) {
            m.requireExplicitLocations(); // a default location may fall back; its status says why
            assertEquals(UnavailableReason.NOT_PRESENT.name(), m.providers().get(0).reason());
        }
    }
}
