package io.joulebench.harness.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.EnergyException;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.carbon.CarbonIntensityTable;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.nvml.NvmlBinding;
import io.joulebench.energy.nvml.NvmlException;
import io.joulebench.energy.nvml.NvmlProvider;
import io.joulebench.energy.rapl.RaplProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialMeteringTest {

    @TempDir
    Path tmp;

    private static CarbonSettings carbon() throws Exception {
        return new CarbonSettings(CarbonIntensityTable.load().require(CarbonIntensityTable.WORLD), null, 1.0);
    }

    private void zone(String dir, String name, long energyUj) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Files.writeString(d.resolve("name"), name + "\n");
        Files.writeString(d.resolve("max_energy_range_uj"), "262143328850\n");
        Files.writeString(d.resolve("energy_uj"), energyUj + "\n");
    }

    private EnergyMeter raplMeter() {
        return EnergyMeter.open(new MeterOptions(Duration.ofMillis(10), SensorOptions.defaults().withPowercapRoot(tmp),
                Set.of(RaplProvider.ID)), List.of(new RaplProvider()));
    }

    @Test
    void requireRefusesAFrozenCounterNamingTheDomain() throws Exception {
        zone("intel-rapl:0", "package-0", 5_000_000);
        zone("intel-rapl:0:0", "dram", 7_000_000); // never moves: a stale sensor, not an idle DIMM
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> { // the package moves at about 10 W, as a powered package does
            long uj = 5_000_000;
            while (running.get()) {
                uj += 10_000;
                try {
                    Path next = Files.writeString(tmp.resolve("energy_uj.next"), uj + "\n");
                    Files.move(next, tmp.resolve("intel-rapl:0/energy_uj"), StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(1);
                } catch (Exception e) {
                    return;
                }
            }
        });
        load.start();
        try (EnergyMeter meter = raplMeter()) {
            TrialMetering ok = TrialMetering.start(meter, carbon(), Duration.ZERO,
                    EnumSet.of(TrialMetering.Requirement.CPU));
            assertNotNull(ok, "a moving package counter passes --require cpu");
            EnergyException e = assertThrows(EnergyException.class, () -> TrialMetering.start(meter, carbon(),
                    Duration.ZERO, EnumSet.of(TrialMetering.Requirement.CPU, TrialMetering.Requirement.DRAM)));
            assertTrue(e.getMessage().startsWith("--require dram: dram (RAPL package-0/dram"), e.getMessage());
            assertTrue(e.getMessage().contains("stale counter: did not advance"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        } finally {
            running.set(false);
            load.join();
        }
    }

    @Test
    void requireRefusesADomainWithNoMeasuredSensor() throws Exception {
        zone("intel-rapl:0", "package-0", 5_000_000);
        try (EnergyMeter meter = raplMeter()) {
            EnergyException e = assertThrows(EnergyException.class, () -> TrialMetering.start(meter, carbon(),
                    Duration.ZERO, EnumSet.of(TrialMetering.Requirement.GPU)));
            assertTrue(e.getMessage().startsWith("--require gpu: no gpu energy can be measured here"), e.getMessage());
        }
    }

    /** A pure-Java NVML that counts init/shutdown as NVML does (reference-counted) and refuses reads when down. */
    static final class CountingNvml implements NvmlBinding {
        int inits;
        int shutdowns;
        int refs;
        long energyMj;

        record D(int index) implements Device {
        }

        private void up() throws NvmlException {
            if (refs == 0) {
                throw new NvmlException(1, "Uninitialized (NVML 1)");
            }
        }

        @Override public void init() { inits++; refs++; }
        @Override public void shutdown() throws NvmlException { up(); shutdowns++; refs--; }
        @Override public int deviceCount() throws NvmlException { up(); return 1; }
        @Override public Device device(int index) throws NvmlException { up(); return new D(index); }
        @Override public String name(Device d) throws NvmlException { up(); return "Counting GPU"; }
        @Override public String uuid(Device d) throws NvmlException { up(); return "GPU-c"; }
        @Override public String pciBusId(Device d) throws NvmlException { up(); return "0:0:0"; }
        @Override public String driverVersion() throws NvmlException { up(); return "1.0"; }
        @Override public long totalEnergyMillijoules(Device d) throws NvmlException { up(); return energyMj += 20; }
        @Override public long powerUsageMilliwatts(Device d) throws NvmlException { up(); return 200_000; }
        @Override public long powerLimitMilliwatts(Device d) throws NvmlException { up(); return 300_000; }
        @Override public MemoryInfo memoryInfo(Device d) throws NvmlException { up(); return new MemoryInfo(1, 1, 0); }
        @Override public Utilization utilization(Device d) throws NvmlException { up(); return new Utilization(1, 1); }
        @Override public int clockMhz(Device d, ClockType t) throws NvmlException { up(); return 1; }
        @Override public int temperatureCelsius(Device d) throws NvmlException { up(); return 40; }
        @Override public List<ComputeProcess> computeProcesses(Device d) throws NvmlException { up(); return List.of(); }
        @Override public String errorString(int code) { return "e" + code; }
    }

    @Test
    void gpuFactsComeThroughTheMetersNvmlSession() throws Exception {
        CountingNvml nvml = new CountingNvml();
        EnergyMeter meter = EnergyMeter.open(new MeterOptions(Duration.ZERO, SensorOptions.defaults(),
                Set.of(NvmlProvider.ID)), List.of(new NvmlProvider(lib -> nvml)));
        try (TrialMetering metering = TrialMetering.start(meter, carbon(), Duration.ZERO,
                EnumSet.noneOf(TrialMetering.Requirement.class))) {
            for (int trial = 0; trial < 3; trial++) {
                TrialMetering.Session s = metering.start();
                TrialEnergy e = s.stop();
                assertEquals("Counting GPU", e.gpusAtStart().get(0).name());
                assertEquals("Counting GPU", e.gpusAtEnd().get(0).name());
                assertEquals(null, e.error());
            }
            assertEquals(1, nvml.inits, "NVML initialised once for the meter, facts included");
            assertEquals(0, nvml.shutdowns, "never shut down while the meter is open");
        }
        assertEquals(1, nvml.shutdowns, "shut down once when the meter closes");
        assertEquals(0, nvml.refs);
    }

    @Test
    void aTrialUnderScopeProcessAttributesItsJvmAndChildrenAndCarbonUsesTheShare() throws Exception {
        io.joulebench.energy.process.ProcessTree tree = io.joulebench.energy.process.ProcessTree.thisProcess();
        EnergyMeter meter = EnergyMeter.open(new MeterOptions(Duration.ofMillis(20),
                SensorOptions.defaults().withLoadTree(tree), Set.of("model")));
        try (TrialMetering metering = TrialMetering.start(meter, carbon(), Duration.ZERO,
                EnumSet.noneOf(TrialMetering.Requirement.class), EnergyScope.PROCESS)) {
            TrialMetering.Session s = metering.start();
            // The workload of an external trainer: a child process of the trial's JVM.
            Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done")
                    .start();
            assertEquals(0, child.waitFor());
            TrialEnergy e = s.stop();
            var attributed = e.training().attributed();
            assertTrue(!attributed.isEmpty(), e.training().toString());
            for (var a : attributed) {
                assertEquals("process tree of pid " + ProcessHandle.current().pid(), a.tree());
                assertTrue(a.joules() != null && a.joules() <= a.machineJoules() + 1e-9, a.toString());
            }
            assertEquals(e.training().attributedTotalJoules(), e.carbon().energyJoules(), 1e-9);
            assertTrue(e.carbon().notes().get(0).startsWith("scope process"), e.carbon().notes().toString());
            io.joulebench.harness.result.EnergyRecord r = io.joulebench.harness.result.EnergyMapping.map(e);
            assertEquals("process", r.scope());
            assertEquals(attributed.size(), r.attributed().size());
        }
    }
}
