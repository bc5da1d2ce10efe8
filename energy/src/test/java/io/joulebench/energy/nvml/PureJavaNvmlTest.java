package io.joulebench.energy.nvml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.joulebench.energy.FakeClock;
import io.joulebench.energy.Method;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.meter.MeteringSession;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider with a pure-Java binding injected: no native code at all. */
class PureJavaNvmlTest {

    static final class OneGpu implements NvmlBinding {
        long energyMj = 10_000;

        record D(int index) implements Device {
        }

        @Override public void init() { }
        @Override public void shutdown() { }
        @Override public int deviceCount() { return 1; }
        @Override public Device device(int index) { return new D(index); }
        @Override public String name(Device d) { return "Java GPU"; }
        @Override public String uuid(Device d) { return "GPU-java"; }
        @Override public String pciBusId(Device d) { return "0:0:0"; }
        @Override public String driverVersion() { return "1.0"; }
        @Override public long totalEnergyMillijoules(Device d) { return energyMj; }
        @Override public long powerUsageMilliwatts(Device d) { return 1; }
        @Override public long powerLimitMilliwatts(Device d) { return 1; }
        @Override public MemoryInfo memoryInfo(Device d) { return new MemoryInfo(1, 1, 0); }
        @Override public Utilization utilization(Device d) { return new Utilization(0, 0); }
        @Override public int clockMhz(Device d, ClockType t) { return 1; }
        @Override public int temperatureCelsius(Device d) { return 1; }
        @Override public List<ComputeProcess> computeProcesses(Device d) { return List.of(); }
        @Override public String errorString(int code) { return "e" + code; }
    }

    @Test
    void injectedBindingIsMetered() throws Exception {
        OneGpu gpu = new OneGpu();
        FakeClock clock = new FakeClock();
        SensorOptions so = SensorOptions.defaults().withClock(clock);
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ZERO, so, Set.of("nvml")),
                List.of(new NvmlProvider(lib -> gpu)))) {
            MeteringSession s = m.start();
            for (int i = 0; i < 20; i++) {
                clock.advance(Duration.ofMillis(100));
                gpu.energyMj += 30_000; // 300 W
                s.sample();
            }
            var d = s.stop().domain("gpu:0").orElseThrow();
            assertEquals(Method.COUNTER_DELTA, d.method());
            assertEquals(600.0, d.joules(), 1e-9);
            assertEquals(300.0, d.averageWatts(), 1e-9);
        }
    }

    @Test
    void theDriversVersionedLibraryIsTriedBeforeTheUnversionedStub() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("libnvidia-ml.so.1", "nvidia-ml"), JnaNvmlBinding.candidates("nvidia-ml"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("/x/libnvidia-ml.so.1"), JnaNvmlBinding.candidates("/x/libnvidia-ml.so.1"));
    }

}
