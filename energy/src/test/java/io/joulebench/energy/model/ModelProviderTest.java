package io.joulebench.energy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Availability;
import io.joulebench.energy.FakeClock;
import io.joulebench.energy.Method;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.host.HostFacts;
import io.joulebench.energy.host.ProcessMemory;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.meter.MeteringSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelProviderTest {

    @Test
    void formula() {
        assertEquals(10.0, CpuPowerModel.watts(100, 0.0), 1e-12);
        assertEquals(100.0, CpuPowerModel.watts(100, 1.0), 1e-12);
        assertEquals(100 * (0.1 + 0.9 * 0.125), CpuPowerModel.watts(100, 0.5), 1e-12);
        assertEquals(0.5, CpuPowerModel.load(new long[] {0, 0, 0, 0, 0, 0, 0, 0},
                new long[] {30, 10, 10, 40, 10, 0, 0, 0}), 1e-12);
        assertTrue(Double.isNaN(CpuPowerModel.load(new long[8], new long[8])));
    }

    @Test
    void tdpTableMatchesAndFallsBack() {
        TdpTable t = TdpTable.load();
        TdpTable.Tdp epyc = t.tdp("AMD EPYC 7763 64-Core Processor", 2, 256);
        assertEquals(560.0, epyc.watts(), 1e-9);
        assertTrue(epyc.basis().contains("AMD"));
        TdpTable.Tdp unknown = t.tdp("AMD EPYC", 1, 2);
        assertEquals(8.0, unknown.watts(), 1e-9);
        assertTrue(unknown.basis().contains("4 W per hardware thread"), unknown.basis());
    }

    @Test
    void modelIsLabelledModelledEverywhere() throws Exception {
        ModelProvider p = new ModelProvider();
        Availability.Available a = assertInstanceOf(Availability.Available.class, p.probe(SensorOptions.defaults()));
        a.domains().forEach(d -> assertEquals(Method.MODELLED, d.method()));
        a.domains().forEach(d -> assertTrue(d.measures().startsWith("MODELLED"), d.measures()));
        FakeClock clock = new FakeClock();
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ZERO,
                SensorOptions.defaults().withClock(clock), null), List.of(p))) {
            // Let real scheduler ticks elapse after the sensor opened, so a CPU load is known at the start (before
            // any, the CPU model's reading is Missing, not load 0). 350 ms also outlasts OSHI's tick cache.
            Thread.sleep(350);
            MeteringSession s = m.start();
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofMillis(100));
                s.sample();
            }
            EnergyReport r = s.stop();
            for (String id : List.of("cpu-package", "dram")) {
                DomainEnergy d = r.domain(id).orElseThrow();
                assertEquals(Method.MODELLED, d.method());
                assertTrue(d.source().startsWith("MODELLED"), d.source());
                assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("MODELLED")), d.notes().toString());
                assertTrue(d.joules() > 0);
                assertEquals(0.5 * d.joules(), d.uncertaintyJoules(), 1e-9);
            }
            long mem = HostFacts.collect().totalMemoryBytes();
            assertEquals(ModelProvider.DRAM_WATTS_PER_GIB * mem / (double) (1L << 30),
                    r.domain("dram").orElseThrow().averageWatts(), 1e-6);
        }
    }

    @Test
    void hostFactsArePlainRecords() {
        HostFacts h = HostFacts.collect();
        assertTrue(h.logicalCores() >= 1 && h.totalMemoryBytes() > 0 && !h.cpuModel().isBlank(), h.toString());
        assertTrue(ProcessMemory.current().residentBytes() > 0);
    }

    @Test
    void noCpuLoadKnownYetIsMissingNotLoadZero() {
        long[][] ticks = {new long[oshi.hardware.CentralProcessor.TickType.values().length]};
        oshi.hardware.CentralProcessor cpu = (oshi.hardware.CentralProcessor) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {oshi.hardware.CentralProcessor.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getSystemCpuLoadTicks")) {
                        return ticks[0].clone();
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        io.joulebench.energy.FakeClock clock = new io.joulebench.energy.FakeClock();
        ModelledCpuSensor s = new ModelledCpuSensor(cpu, 100.0, "test", clock, null);
        // No tick has elapsed since the sensor was made: the load is unknown, not 0 (which would model 10 W).
        org.junit.jupiter.api.Assertions.assertInstanceOf(io.joulebench.energy.Reading.Missing.class, s.read());
        // 100 ticks, all busy: load 1 -> TDP.
        ticks[0][oshi.hardware.CentralProcessor.TickType.USER.getIndex()] = 100;
        io.joulebench.energy.Reading.Power p = org.junit.jupiter.api.Assertions.assertInstanceOf(
                io.joulebench.energy.Reading.Power.class, s.read());
        org.junit.jupiter.api.Assertions.assertEquals(100_000.0, p.milliwatts(), 1e-6);
        // No new tick: the last known load is kept.
        p = org.junit.jupiter.api.Assertions.assertInstanceOf(io.joulebench.energy.Reading.Power.class, s.read());
        org.junit.jupiter.api.Assertions.assertEquals(100_000.0, p.milliwatts(), 1e-6);
    }

    @Test
    void openingWaitsForAFirstLoadSoTheFirstReadingIsReal() {
        // Ticks move on every call (all busy), as they do once the kernel has ticked.
        long[] user = {0};
        oshi.hardware.CentralProcessor cpu = (oshi.hardware.CentralProcessor) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {oshi.hardware.CentralProcessor.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getSystemCpuLoadTicks")) {
                        long[] t = new long[oshi.hardware.CentralProcessor.TickType.values().length];
                        t[oshi.hardware.CentralProcessor.TickType.USER.getIndex()] = user[0];
                        user[0] += 10;
                        return t;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        ModelledCpuSensor s = new ModelledCpuSensor(cpu, 100.0, "test", new io.joulebench.energy.FakeClock(), null);
        user[0] -= 10; // the first reading sees no new tick: it must still be the primed load, not missing
        io.joulebench.energy.Reading.Power p = org.junit.jupiter.api.Assertions.assertInstanceOf(
                io.joulebench.energy.Reading.Power.class, s.read());
        org.junit.jupiter.api.Assertions.assertEquals(100_000.0, p.milliwatts(), 1e-6);
    }

    @Test
    void underProcessScopeTheLoadIsTheTreesCpuTimeOverWallTimesLogicalCpus(@org.junit.jupiter.api.io.TempDir
                                                                              java.nio.file.Path dir) {
        io.joulebench.energy.process.FakeProc p = new io.joulebench.energy.process.FakeProc(dir)
                .machine(0, 0).process(100, 1, 0, 0, 0, 0);
        io.joulebench.energy.process.ProcessTree tree = new io.joulebench.energy.process.ProcessTree(p.root(), 100, true);
        ModelledCpuSensor s = new ModelledCpuSensor(null, 100.0, "test", new io.joulebench.energy.FakeClock(), tree);
        org.junit.jupiter.api.Assertions.assertTrue(s.processScoped());
        org.junit.jupiter.api.Assertions.assertTrue(s.description().contains("process tree of pid 100"));
        // 4 CPUs x 100 ticks elapsed, 200 busy machine-wide, but the tree used 200 of the 400: load 0.5.
        p.machine(200, 200).process(100, 1, 150, 50, 0, 0);
        io.joulebench.energy.Reading.Power w = org.junit.jupiter.api.Assertions.assertInstanceOf(
                io.joulebench.energy.Reading.Power.class, s.read());
        org.junit.jupiter.api.Assertions.assertEquals(CpuPowerModel.watts(100.0, 0.5) * 1000, w.milliwatts(), 1e-6);
        p.gone(100);
        io.joulebench.energy.Reading.Missing m = org.junit.jupiter.api.Assertions.assertInstanceOf(
                io.joulebench.energy.Reading.Missing.class, s.read());
        org.junit.jupiter.api.Assertions.assertTrue(m.message().contains("100/stat"), m.message());
    }
}
