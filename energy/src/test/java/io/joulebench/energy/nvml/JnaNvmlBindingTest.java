package io.joulebench.energy.nvml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Availability;
import io.joulebench.energy.FakeClock;
import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.UnavailableReason;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.meter.MeteringSession;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real JNA binding against the fake libnvidia-ml.so compiled from src/test/c/fake_nvml.c. */
class JnaNvmlBindingTest {

    FakeNvmlControl fake;
    String lib;
    final FakeClock clock = new FakeClock();

    @BeforeEach
    void reset() {
        lib = FakeNvmlControl.library().toString();
        fake = FakeNvmlControl.load();
        fake.fake_nvml_reset();
    }

    private SensorOptions options() {
        return SensorOptions.defaults().withNvmlLibrary(lib).withClock(clock);
    }

    @Test
    void bindingReadsEveryQuery() throws Exception {
        NvmlBinding b = JnaNvmlBinding.load(lib);
        b.init();
        try {
            assertEquals(2, b.deviceCount());
            NvmlBinding.Device d = b.device(0);
            assertEquals("Fake GPU 0", b.name(d));
            assertEquals("GPU-fake-0000-0000", b.uuid(d));
            assertEquals("00000000:01:00.0", b.pciBusId(d));
            assertEquals("999.99.fake", b.driverVersion());
            assertEquals(300_000, b.powerLimitMilliwatts(d));
            assertEquals(80L << 30, b.memoryInfo(d).totalBytes());
            assertEquals(1L << 30, b.memoryInfo(d).usedBytes());
            assertEquals(new NvmlBinding.Utilization(42, 17), b.utilization(d));
            assertEquals(1980, b.clockMhz(d, NvmlBinding.ClockType.SM));
            assertEquals(2619, b.clockMhz(d, NvmlBinding.ClockType.MEMORY));
            assertEquals(55, b.temperatureCelsius(d));
            assertEquals(List.of(4242L, 4243L), b.computeProcesses(d).stream().map(NvmlBinding.ComputeProcess::pid).toList());
            assertEquals(1L << 20, b.computeProcesses(d).get(0).usedGpuMemoryBytes());
            assertEquals(null, b.computeProcesses(d).get(1).usedGpuMemoryBytes(),
                    "NVML_VALUE_NOT_AVAILABLE (2^64-1) is unknown, not -1");
            assertEquals(1_000_000L, b.totalEnergyMillijoules(d));
            assertEquals(50_000L, b.powerUsageMilliwatts(d));
            fake.fake_nvml_set_energy(1, NvmlReturn.NOT_SUPPORTED, 0, 0);
            NvmlException e = assertThrows(NvmlException.class, () -> b.totalEnergyMillijoules(b.device(1)));
            assertEquals(NvmlReturn.NOT_SUPPORTED, e.code());
            assertEquals(UnavailableReason.NOT_SUPPORTED, e.reason());
            assertTrue(e.getMessage().contains("Not Supported"), e.getMessage());
        } finally {
            b.shutdown();
        }
    }

    @Test
    void missingLibraryIsTyped() {
        Availability a = new NvmlProvider().probe(options().withNvmlLibrary("/nonexistent/libnvidia-ml.so.1"));
        Availability.Unavailable u = assertInstanceOf(Availability.Unavailable.class, a);
        assertEquals(UnavailableReason.LIBRARY_MISSING, u.reason());
        assertTrue(u.fix().contains("--nvml-library"), u.fix());
    }

    @Test
    void initErrorCodesMapToTypedReasons() {
        fake.fake_nvml_set_init_rc(NvmlReturn.DRIVER_NOT_LOADED);
        assertEquals(UnavailableReason.DRIVER_NOT_LOADED, reason(new NvmlProvider().probe(options())));
        fake.fake_nvml_set_init_rc(NvmlReturn.NO_PERMISSION);
        assertEquals(UnavailableReason.NO_PERMISSION, reason(new NvmlProvider().probe(options())));
        fake.fake_nvml_set_init_rc(NvmlReturn.LIB_RM_VERSION_MISMATCH);
        Availability.Unavailable mismatch = assertInstanceOf(Availability.Unavailable.class,
                new NvmlProvider().probe(options()));
        assertEquals(UnavailableReason.DRIVER_VERSION_MISMATCH, mismatch.reason());
        assertTrue(mismatch.fix().contains("reboot or reload the nvidia kernel module"), mismatch.fix());
        fake.fake_nvml_set_init_rc(NvmlReturn.SUCCESS);
        fake.fake_nvml_set_count(0);
        assertEquals(UnavailableReason.NO_DEVICE, reason(new NvmlProvider().probe(options())));
        fake.fake_nvml_set_count(1);
        fake.fake_nvml_set_energy(0, NvmlReturn.NOT_SUPPORTED, 0, 0);
        fake.fake_nvml_set_power(0, NvmlReturn.NOT_SUPPORTED, 0, 0);
        assertEquals(UnavailableReason.NOT_SUPPORTED, reason(new NvmlProvider().probe(options())));
        assertEquals(2, fake.fake_nvml_init_calls(), "two of the four inits succeeded");
        assertEquals(2, fake.fake_nvml_shutdown_calls(), "every successful init is shut down");
    }

    private static UnavailableReason reason(Availability a) {
        return assertInstanceOf(Availability.Unavailable.class, a).reason();
    }

    @Test
    void probeListsEveryDeviceWithItsMethod() {
        fake.fake_nvml_set_energy(1, NvmlReturn.NOT_SUPPORTED, 0, 0);
        Availability.Available a = assertInstanceOf(Availability.Available.class, new NvmlProvider().probe(options()));
        assertEquals(2, a.domains().size());
        assertEquals("gpu:0", a.domains().get(0).domain());
        assertEquals(Method.COUNTER_DELTA, a.domains().get(0).method());
        assertEquals(Method.INTEGRATED_POWER, a.domains().get(1).method());
        assertTrue(a.detail().contains("999.99.fake"));
    }

    @Test
    void energyCounterAndIntegratedPowerThroughTheMeter() throws Exception {
        // gpu:1 has no energy counter: power usage is integrated instead.
        fake.fake_nvml_set_energy(1, NvmlReturn.NOT_SUPPORTED, 0, 0);
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ZERO, options(), Set.of("nvml")),
                List.of(new NvmlProvider()))) {
            // Script the session's readings: gpu:0 +500 mJ per read (500 W at 1 s steps); gpu:1 ramps 100 W, 110 W, ...
            fake.fake_nvml_set_energy(0, 0, 5_000_000L, 500_000L);
            fake.fake_nvml_set_power(1, 0, 100_000, 10_000);
            MeteringSession s = m.start();
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofSeconds(1));
                s.sample();
            }
            clock.advance(Duration.ofSeconds(1));
            EnergyReport r = s.stop();
            DomainEnergy g0 = r.domain("gpu:0").orElseThrow();
            assertEquals(Method.COUNTER_DELTA, g0.method());
            assertEquals(5500.0, g0.joules(), 1e-9, "11 deltas of 500 J");
            assertEquals(Quality.COMPLETE, g0.quality());
            DomainEnergy g1 = r.domain("gpu:1").orElseThrow();
            assertEquals(Method.INTEGRATED_POWER, g1.method());
            // Readings 100..210 W over 11 s, linear: trapezoid is exact = (100 + 210) / 2 * 11
            assertEquals(1705.0, g1.joules(), 1e-9);
            assertEquals(55.0, g1.uncertaintyJoules(), 1e-9, "half |dP| dt summed: 0.5 * 10 W * 1 s * 11");
            assertEquals(12, g1.samples());
            assertEquals(7205.0, r.totalJoules(), 1e-9);
        }
        assertEquals(fake.fake_nvml_init_calls(), fake.fake_nvml_shutdown_calls(), "closing the meter shuts NVML down");
    }

    @Test
    void gpuLostMidRunIsPartialWithTheReason() throws Exception {
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ZERO, options(), Set.of("nvml")),
                List.of(new NvmlProvider()))) {
            fake.fake_nvml_set_energy(0, 0, 0, 1000L);
            fake.fake_nvml_set_energy(1, 0, 0, 2000L); // a working GPU's counter moves (a frozen one is stale)
            fake.fake_nvml_fail_after(0, 6, NvmlReturn.GPU_IS_LOST);
            MeteringSession s = m.start();
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofSeconds(1));
                s.sample();
            }
            EnergyReport r = s.stop();
            DomainEnergy g0 = r.domain("gpu:0").orElseThrow();
            assertEquals(Quality.PARTIAL, g0.quality());
            assertEquals(5.0, g0.joules(), 1e-9, "6 good reads at 1 J per read");
            assertTrue(g0.reason().contains("GPU is lost"), g0.reason());
            assertEquals(Quality.COMPLETE, r.domain("gpu:1").orElseThrow().quality());
        }
    }

    @Test
    void gpuFactsForProvenance() throws Exception {
        List<GpuFacts> facts = new NvmlProvider().gpuFacts(options());
        assertEquals(2, facts.size());
        GpuFacts f = facts.get(0);
        assertEquals("Fake GPU 0", f.name());
        assertEquals("00000000:01:00.0", f.pciBusId());
        assertEquals(300_000L, f.powerLimitMilliwatts());
        assertEquals(List.of(4242L, 4243L), f.computeProcessPids());
        assertEquals("COUNTER", f.energySource());
        assertEquals(List.of(), facts.get(1).computeProcessPids());
    }

    @Test
    void oneGpuRefusingItsHandleLeavesTheOthersMetered() throws Exception {
        // SLURM/cgroups: the handle of a GPU not allocated to this job is refused with NO_PERMISSION.
        fake.fake_nvml_set_handle_rc(0, NvmlReturn.NO_PERMISSION);
        Availability.Available a = assertInstanceOf(Availability.Available.class, new NvmlProvider().probe(options()));
        assertEquals(List.of("gpu:1"), a.domains().stream().map(d -> d.domain()).toList());
        assertTrue(a.detail().contains("gpu:0") && a.detail().contains("Insufficient Permissions"), a.detail());
        List<GpuFacts> facts = new NvmlProvider().gpuFacts(options());
        assertEquals(2, facts.size());
        assertEquals(null, facts.get(0).name());
        assertEquals("NONE", facts.get(0).energySource());
        assertEquals("Fake GPU 1", facts.get(1).name());
        assertEquals("COUNTER", facts.get(1).energySource());
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ZERO, options(), Set.of("nvml")),
                List.of(new NvmlProvider()))) {
            fake.fake_nvml_set_energy(1, 0, 0, 1000L);
            MeteringSession s = m.start();
            clock.advance(Duration.ofSeconds(1));
            EnergyReport r = s.stop();
            assertEquals(1.0, r.domain("gpu:1").orElseThrow().joules(), 1e-9);
        }
        assertEquals(fake.fake_nvml_init_calls(), fake.fake_nvml_shutdown_calls());
    }

    @Test
    void everyGpuRefusingItsHandleIsTypedNoPermission() {
        fake.fake_nvml_set_handle_rc(0, NvmlReturn.NO_PERMISSION);
        fake.fake_nvml_set_handle_rc(1, NvmlReturn.NO_PERMISSION);
        Availability.Unavailable u = assertInstanceOf(Availability.Unavailable.class,
                new NvmlProvider().probe(options()));
        assertEquals(UnavailableReason.NO_PERMISSION, u.reason());
        assertTrue(u.message().contains("gpu:0") && u.message().contains("gpu:1"), u.message());
        assertEquals(fake.fake_nvml_init_calls(), fake.fake_nvml_shutdown_calls());
    }
}
