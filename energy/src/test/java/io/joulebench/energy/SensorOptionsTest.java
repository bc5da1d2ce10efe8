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
}
