package io.joulebench.energy.nvml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.FakeClock;
import io.joulebench.energy.Quality;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.meter.MeteringException;
import io.joulebench.energy.meter.MeteringSession;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults injected into the fake libnvidia-ml.so mid-run: garbage values, every error code, one session. */
class NvmlFaultTest {

    FakeNvmlControl fake;
    String lib;
    final FakeClock clock = new FakeClock();

    @BeforeEach
    void reset() {
        lib = FakeNvmlControl.library().toString();
        fake = FakeNvmlControl.load();
        fake.fake_nvml_reset();
    }

    private EnergyMeter meter() {
        SensorOptions o = SensorOptions.defaults().withNvmlLibrary(lib).withClock(clock);
        return EnergyMeter.open(new MeterOptions(Duration.ZERO, o, Set.of("nvml")), List.of(new NvmlProvider()));
    }

    /** Reads every 100 ms of the fake clock, {@code reads} times, and returns the domain's figure. */
    private DomainEnergy run(EnergyMeter m, String domain, int reads) {
        try {
            MeteringSession s = m.start();
            for (int i = 0; i < reads; i++) {
                clock.advance(Duration.ofMillis(100));
                s.sample();
            }
            return s.stop().domain(domain).orElseThrow();
        } catch (MeteringException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void garbagePowerReadingMidRunIsRejectedNotMegajoules() {
        // gpu:1 has no energy counter: 50 W power readings, one of them 0xFFFFFFFF mW (4.3 MW) half-way.
        fake.fake_nvml_set_energy(1, NvmlReturn.NOT_SUPPORTED, 0, 0);
        fake.fake_nvml_set_energy(0, 0, 0, 10_000L);
        try (EnergyMeter m = meter()) {
            fake.fake_nvml_set_power(1, 0, 50_000, 0);
            fake.fake_nvml_glitch(1, 12, 0xFFFFFFFFL);
            DomainEnergy g1 = run(m, "gpu:1", 20);
            assertEquals(Quality.PARTIAL, g1.quality(), "a rejected reading is a gap, never COMPLETE");
            assertEquals(100.0, g1.joules(), 1e-6, "50 W x 2 s, interpolated across the rejected reading (not 8.5 MJ)");
            assertEquals(1, g1.gaps());
            assertEquals(1, g1.rejections().size(), g1.rejections().toString());
            assertTrue(g1.rejections().get(0).contains("power 4294967.295 W above the plausible ceiling max(1.5 x "
                    + "power limit 300 W, 5000 W)"), g1.rejections().toString());
            assertTrue(g1.reason().contains("rejected"), g1.reason());
        }
    }

    @Test
    void garbageCounterValueMidRunIsRejectedAndTheDeltaAcrossItKept() {
        fake.fake_nvml_set_energy(1, 0, 0, 10_000L);
        try (EnergyMeter m = meter()) {
            fake.fake_nvml_set_energy(0, 0, 1_000_000L, 20_000L); // 20 J per 100 ms read: 200 W
            fake.fake_nvml_glitch(0, 12, 4_000_000_000_000L); // 4 GJ: a garbage value, back to normal next read
            DomainEnergy g0 = run(m, "gpu:0", 20);
            assertEquals(Quality.PARTIAL, g0.quality());
            assertEquals(1, g0.gaps());
            assertTrue(g0.rejections().get(0).contains("above the plausible ceiling"), g0.rejections().toString());
            assertEquals(400.0, g0.joules(), 1e-6, "the next good reading's delta spans the rejected one");
        }
    }

    @Test
    void everyErrorCodeMidRunIsAGapWithItsNameNeverZero() {
        int[] codes = {NvmlReturn.UNINITIALIZED, NvmlReturn.INVALID_ARGUMENT, NvmlReturn.NOT_SUPPORTED,
            NvmlReturn.NO_PERMISSION, NvmlReturn.NOT_FOUND, NvmlReturn.DRIVER_NOT_LOADED, NvmlReturn.GPU_IS_LOST,
            NvmlReturn.LIB_RM_VERSION_MISMATCH, NvmlReturn.UNKNOWN};
        for (int code : codes) {
            fake.fake_nvml_reset();
            fake.fake_nvml_set_energy(1, 0, 0, 10_000L);
            try (EnergyMeter m = meter()) {
                fake.fake_nvml_set_energy(0, 0, 0, 10_000L);
                fake.fake_nvml_fail_after(0, 8, code);
                DomainEnergy g0 = run(m, "gpu:0", 20);
                assertEquals(Quality.PARTIAL, g0.quality(), "code " + code);
                assertNotNull(g0.joules(), "code " + code);
                assertEquals(70.0, g0.joules(), 1e-6, "code " + code + ": 8 good reads at 10 J");
                assertTrue(g0.gaps() > 0, "code " + code);
                assertTrue(g0.reason().contains("(NVML " + code + ")"), g0.reason());
            }
        }
    }

    @Test
    void oneNvmlSessionWhileTheMeterIsOpenFactsIncluded() throws Exception {
        fake.fake_nvml_set_energy(1, 0, 0, 10_000L);
        try (EnergyMeter m = meter()) {
            assertEquals(1, fake.fake_nvml_init_calls(), "opening the meter initialises NVML once (probe included)");
            fake.fake_nvml_set_energy(0, 0, 0, 10_000L);
            MeteringSession s = m.start();
            NvmlProvider nvml = m.provider(NvmlProvider.class).orElseThrow();
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofMillis(100));
                s.sample();
                List<GpuFacts> facts = nvml.gpuFacts(m.options().sensors()); // as the harness asks, per trial
                assertEquals("Fake GPU 0", facts.get(0).name());
            }
            DomainEnergy g0 = s.stop().domain("gpu:0").orElseThrow();
            assertEquals(Quality.COMPLETE, g0.quality(), "asking for facts never shut NVML down under the meter");
            assertEquals(1, fake.fake_nvml_init_calls(), "facts come through the meter's session");
            assertEquals(0, fake.fake_nvml_shutdown_calls(), "no shutdown while the meter is open");
            assertEquals(1, fake.fake_nvml_refcount());
        }
        assertEquals(1, fake.fake_nvml_shutdown_calls(), "one shutdown when the meter closes");
        assertEquals(0, fake.fake_nvml_refcount());
    }
}
