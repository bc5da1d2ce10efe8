package io.joulebench.energy.rapl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.FakeClock;
import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.meter.DomainEnergy;
import io.joulebench.energy.meter.EnergyMeter;
import io.joulebench.energy.meter.EnergyReport;
import io.joulebench.energy.meter.MeterOptions;
import io.joulebench.energy.meter.MeteringException;
import io.joulebench.energy.meter.MeteringSession;
import io.joulebench.energy.meter.PhaseEnergy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RAPL provider driven through the meter with a fake clock: known rates must give exact joules. */
class RaplMeteringTest {

    @TempDir
    Path tmp;
    final FakeClock clock = new FakeClock();
    static final Duration STEP = Duration.ofMillis(100);

    private EnergyMeter meter(FakePowercap f, Duration interval) {
        SensorOptions so = SensorOptions.defaults().withPowercapRoot(f.root()).withClock(clock);
        return EnergyMeter.open(new MeterOptions(interval, so, Set.of("rapl")), List.of(new RaplProvider(f.reader())));
    }

    /** One 100 ms step of a synthetic load: 50 W + 30 W packages, 5 W + 4 W DRAM, 20 W core, 200 W psys. */
    private void step(FakePowercap f, boolean socket1) {
        clock.advance(STEP);
        f.addWatts("intel-rapl:0", 50, 0.1);
        f.addWatts("intel-rapl-mmio:0", 50, 0.1);
        f.addWatts("intel-rapl:0:0", 20, 0.1);
        f.addWatts("intel-rapl:0:2", 5, 0.1);
        if (socket1) {
            f.addWatts("intel-rapl:1", 30, 0.1);
            f.addWatts("intel-rapl:1:0", 4, 0.1);
        }
        f.addWatts("intel-rapl:2", 200, 0.1);
    }

    private static DomainEnergy d(EnergyReport r, String id) {
        return r.domain(id).orElseThrow(() -> new AssertionError("no domain " + id + " in " + r.domains()));
    }

    @Test
    void knownLoadGivesExactJoulesPerDomainWithoutDoubleCounting() throws Exception {
        FakePowercap f = PowercapTopologyTest.twoSocketServer(tmp);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 100; i++) {
                step(f, true);
                s.sample();
            }
            EnergyReport r = s.stop();
            assertEquals(10.0, r.windowSeconds(), 1e-9);
            assertEquals(800.0, d(r, "cpu-package").joules(), 800 * 0.01);
            assertEquals(800.0, d(r, "cpu-package").joules(), 1e-6, "exact for a fake counter");
            assertEquals(90.0, d(r, "dram").joules(), 1e-6);
            assertEquals(200.0, d(r, "cpu-core").joules(), 1e-6);
            assertEquals(2000.0, d(r, "psys").joules(), 1e-6);
            assertEquals(890.0, r.totalJoules(), 1e-6, "total = package + DRAM; core and psys never added");
            DomainEnergy pkg = d(r, "cpu-package");
            assertEquals(Method.COUNTER_DELTA, pkg.method());
            assertEquals(Quality.COMPLETE, pkg.quality());
            assertEquals(102, pkg.samples());
            assertEquals(0, pkg.gaps());
            assertNull(pkg.updatePeriodMillis(), "changes at every 100 ms read: the 1 ms period is not resolved");
            assertEquals(80.0, pkg.averageWatts(), 1e-6);
            assertTrue(pkg.uncertaintyJoules() > 0 && pkg.uncertaintyJoules() < 20, "u=" + pkg.uncertaintyJoules());
            assertNull(pkg.reason());
        }
    }

    @Test
    void counterWrappingInsideTheWindowIsUnwrappedWithItsOwnRange() throws Exception {
        FakePowercap f = new FakePowercap(tmp)
                .zone("intel-rapl:0", "package-0", 150_000_000L, 200_000_000L)   // wraps every 200 J
                .zone("intel-rapl:1", "package-1", 0, FakePowercap.AMD_RANGE_UJ);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 100; i++) {
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 50, 0.1);
                f.addWatts("intel-rapl:1", 30, 0.1);
                s.sample();
            }
            EnergyReport r = s.stop();
            assertEquals(800.0, d(r, "cpu-package").joules(), 1e-6);
            assertEquals(Quality.COMPLETE, d(r, "cpu-package").quality());
            // 150 J + 500 J in a 200 J range: 3 wraps
            assertTrue(d(r, "cpu-package").notes().contains("3 counter wrap(s) corrected"), d(r, "cpu-package").notes().toString());
        }
    }

    @Test
    void pauseLongerThanTheWrapTimeIsPartialNotSilentlyShort() throws Exception {
        // 200 J range, no stated max power (1000 W assumed): the zone can wrap in 0.2 s.
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0", 0, 200_000_000L);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 10; i++) {
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 50, 0.1);
                s.sample();
            }
            // The JVM is paused for 1 s at 450 W: 450 J, the counter wraps twice and shows only +50 J.
            clock.advance(Duration.ofSeconds(1));
            f.addWatts("intel-rapl:0", 450, 1.0);
            s.sample();
            for (int i = 0; i < 10; i++) {
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 50, 0.1);
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertEquals(Quality.PARTIAL, pkg.quality());
            assertTrue(pkg.reason().contains("possible missed wrap or counter reset"), pkg.reason());
            assertEquals(100.0, pkg.joules(), 1e-6, "the 1 s interval is not counted (not 50 J of 450 J)");
        }
    }

    @Test
    void turboAboveTheStatedLongTermLimitIsNotTakenForAReset() throws Exception {
        // constraint_0_max_power_uw is often PL1 (here 15 W); turbo runs well above it for a while (here 45 W).
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0");
        java.nio.file.Files.writeString(tmp.resolve("intel-rapl:0/constraint_0_max_power_uw"), "15000000\n");
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 10; i++) {
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 45, 0.1);
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertEquals(Quality.COMPLETE, pkg.quality(), String.valueOf(pkg.reason()));
            assertEquals(45.0, pkg.joules(), 1e-6);
        }
    }

    @Test
    void counterResetIsNotTakenAsAWrap() throws Exception {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0", 100_000_000_000L,
                FakePowercap.AMD_RANGE_UJ);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 10; i++) {
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 50, 0.1);
                s.sample();
            }
            clock.advance(STEP);
            f.set("intel-rapl:0", 1_000_000L); // zone re-registered: counter restarts near 0
            s.sample();
            for (int i = 0; i < 10; i++) {
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 50, 0.1);
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertEquals(Quality.PARTIAL, pkg.quality());
            assertTrue(pkg.reason().contains("possible missed wrap or counter reset"), pkg.reason());
            assertEquals(100.0, pkg.joules(), 1e-6, "not ~162 kJ of invented energy from a fake wrap");
            assertTrue(pkg.notes().stream().noneMatch(n -> n.contains("wrap(s) corrected")), pkg.notes().toString());
        }
    }

    @Test
    void smallWrapRangeIsPolledByItselfNeverRefused() throws Exception {
        // 20 J range at 1000 W assumed: the zone can wrap in 20 ms, far too soon for a 100 ms sampler.
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0", 0, 20_000_000L);
        SensorOptions so = SensorOptions.defaults().withPowercapRoot(f.root());
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ofMillis(100), so, Set.of("rapl")),
                List.of(new RaplProvider(f.reader())))) {
            MeteringSession s = m.start(); // the old meter refused: "sampler interval 100 ms is too long ..."
            Thread.sleep(300);
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertTrue(pkg.notes().contains("polled every 5.0 ms by itself: its counter can wrap in 0.020 s at "
                    + "plausible maximum power, too soon for the 100 ms sampler interval"), pkg.notes().toString());
            assertTrue(pkg.samples() >= 10, "read far more often than every 100 ms: " + pkg.samples());
        }
    }

    @Test
    void zoneVanishingMidRunMakesTheDomainPartialAndTheSessionGoesOn() throws Exception {
        FakePowercap f = PowercapTopologyTest.twoSocketServer(tmp);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 50; i++) {
                step(f, true);
                s.sample();
            }
            f.remove("intel-rapl:1");
            for (int i = 0; i < 50; i++) {
                step(f, false);
                s.sample();
            }
            EnergyReport r = s.stop();
            DomainEnergy pkg = d(r, "cpu-package");
            assertEquals(Quality.PARTIAL, pkg.quality());
            assertEquals(400.0, pkg.joules(), 1e-6, "energy up to the last good reading");
            assertEquals(5.0, pkg.coveredSeconds(), 1e-9);
            assertEquals(51, pkg.gaps());
            assertTrue(pkg.reason().contains("vanished"), pkg.reason());
            DomainEnergy dram = d(r, "dram");
            assertEquals(Quality.COMPLETE, dram.quality(), "other domains are unaffected");
            assertEquals(5 * 9.0 + 5 * 5.0, dram.joules(), 1e-6);
        }
    }

    @Test
    void unreadableForAWhileIsPartialButTheCounterDeltaIsKept() throws Exception {
        FakePowercap f = PowercapTopologyTest.twoSocketServer(tmp);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 100; i++) {
                if (i == 30) {
                    f.deny("intel-rapl:0");
                }
                if (i == 36) {
                    f.allow("intel-rapl:0");
                }
                step(f, true);
                s.sample();
            }
            EnergyReport r = s.stop();
            DomainEnergy pkg = d(r, "cpu-package");
            assertEquals(Quality.PARTIAL, pkg.quality());
            assertEquals(6, pkg.gaps());
            assertEquals(800.0, pkg.joules(), 1e-6);
            assertTrue(pkg.reason().contains("permission"), pkg.reason());
        }
    }

    @Test
    void phasesSplitTheEnergyAtTheirMarks() throws Exception {
        FakePowercap f = PowercapTopologyTest.twoSocketServer(tmp);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            s.mark("epoch-1");
            for (int i = 0; i < 30; i++) {
                step(f, true);
                s.sample();
            }
            s.mark("epoch-2");
            for (int i = 0; i < 70; i++) {
                step(f, true);
                s.sample();
            }
            EnergyReport r = s.stop();
            PhaseEnergy e1 = r.phases("epoch-1").get(0);
            PhaseEnergy e2 = r.phases("epoch-2").get(0);
            assertEquals(240.0, e1.domain("cpu-package").orElseThrow().joules(), 1e-6);
            assertEquals(560.0, e2.domain("cpu-package").orElseThrow().joules(), 1e-6);
            assertEquals(3.0, e1.durationSeconds(), 1e-9);
            assertEquals(267.0, e1.totalJoules(), 1e-6);
            assertEquals(800.0, d(r, "cpu-package").joules(), 1e-6);
        }
    }

    @Test
    void windowShorterThanTenCounterUpdatesIsFlagged() throws Exception {
        FakePowercap f = PowercapTopologyTest.twoSocketServer(tmp);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 4; i++) {
                step(f, true);
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            // 0.4 s of a RAPL counter is ~400 updates: no "< 10 updates" flag although only 4 reads changed.
            assertTrue(pkg.notes().stream().noneMatch(n -> n.contains("(< 10)")), pkg.notes().toString());
        }
        // A counter that updates every 100 ms (resolved: read every 25 ms), over 0.4 s: 4 updates, flagged.
        FakePowercap slow = new FakePowercap(tmp.resolve("slow")).zone("intel-rapl:0", "package-0");
        try (EnergyMeter m = meter(slow, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 16; i++) {
                clock.advance(Duration.ofMillis(25));
                if (i % 4 == 3) {
                    slow.addWatts("intel-rapl:0", 40, 0.1);
                }
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertTrue(pkg.notes().stream().anyMatch(n -> n.contains("4 counter updates (< 10)")), pkg.notes().toString());
        }
        // Read every 1 ms for 5 ms: only about 5 nominal RAPL updates, flagged.
        FakePowercap tiny = new FakePowercap(tmp.resolve("tiny")).zone("intel-rapl:0", "package-0");
        try (EnergyMeter m = meter(tiny, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofMillis(1));
                tiny.addWatts("intel-rapl:0", 40, 0.001);
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertTrue(pkg.notes().stream().anyMatch(n -> n.contains("about 5 nominal counter updates (< 10)")),
                    pkg.notes().toString());
        }
    }

    @Test
    void counterFasterThanTheSamplerHasNoFakePeriodAndNominalUncertainty() throws Exception {
        // RAPL updates about every 1 ms; read every 100 ms, every read changes. 0.5 s at 100 W.
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0");
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 5; i++) {
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 100, 0.1);
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertEquals(50.0, pkg.joules(), 1e-6);
            assertNull(pkg.updatePeriodMillis(), "the sampler period is not the counter's update period");
            assertTrue(pkg.notes().stream().anyMatch(n -> n.contains("counter updates faster than the sampler (< 100")),
                    pkg.notes().toString());
            assertTrue(pkg.notes().stream().noneMatch(n -> n.contains("(< 10)")), pkg.notes().toString());
            // sqrt(2) x (100 W x 1 ms + 1 uJ), not sqrt(2) x 100 W x 100 ms = 14 J
            assertEquals(Math.sqrt(2) * (100 * 0.001 + 1e-6), pkg.uncertaintyJoules(), 1e-9);
            assertTrue(pkg.uncertaintyBasis().contains("nominal"), pkg.uncertaintyBasis());
        }
    }

    @Test
    void updatePeriodLongerThanTheSamplingIntervalIsDetected() throws Exception {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0");
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 100; i++) {
                clock.advance(Duration.ofMillis(25));
                if (i % 4 == 3) {
                    f.addWatts("intel-rapl:0", 40, 0.1); // the counter updates every 100 ms
                }
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertEquals(100.0, pkg.updatePeriodMillis(), 1e-6);
            assertEquals(25, pkg.counterUpdates());
        }
    }

    @Test
    void frozenZoneIsUnavailableNeverZeroJoulesComplete() throws Exception {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0").zone("intel-rapl:0:0", "dram");
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 10; i++) { // 1 s: the package moves, DRAM's counter never does
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 20, 0.1);
                s.sample();
            }
            EnergyReport r = s.stop();
            DomainEnergy dram = d(r, "dram");
            assertEquals(Quality.UNAVAILABLE, dram.quality());
            assertEquals(null, dram.joules(), "a stale counter is no figure, not 0 J");
            assertTrue(dram.reason().startsWith("stale counter: did not advance for 1.000 s from t=0.000 s (stale "
                    + "after 0.500 s"), dram.reason());
            assertEquals(1.0, dram.staleSeconds(), 1e-9);
            assertEquals(Quality.COMPLETE, d(r, "cpu-package").quality());
            assertTrue(r.totalNote().contains("leaves out UNAVAILABLE dram (stale counter"), r.totalNote());
        }
    }

    @Test
    void zoneFreezingMidRunIsPartialWithTheStretch() throws Exception {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0");
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 20; i++) { // moves for 1 s, then freezes for 1 s
                clock.advance(STEP);
                if (i < 10) {
                    f.addWatts("intel-rapl:0", 20, 0.1);
                }
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertEquals(Quality.PARTIAL, pkg.quality());
            assertEquals(20.0, pkg.joules(), 1e-6);
            assertTrue(pkg.reason().contains("stale counter: did not advance for 1.000 s from t=1.000 s")
                    && pkg.reason().contains("the figure misses the energy after it"), pkg.reason());
        }
    }

    @Test
    void garbageAndImplausibleZoneValuesAreRejectedWithTheReason() throws Exception {
        FakePowercap f = new FakePowercap(tmp).zone("intel-rapl:0", "package-0", 1_000_000, 262_143_328_850L);
        try (EnergyMeter m = meter(f, Duration.ZERO)) {
            MeteringSession s = m.start();
            for (int i = 0; i < 30; i++) {
                clock.advance(STEP);
                f.addWatts("intel-rapl:0", 20, 0.1);
                if (i == 5) {
                    f.garbage("intel-rapl:0", "not-a-number\n");
                } else if (i == 10) {
                    f.garbage("intel-rapl:0", "999999999999999\n"); // beyond max_energy_range_uj
                } else if (i == 15) {
                    f.addWatts("intel-rapl:0", 100_000, 0.1); // 10 kJ in 0.1 s: 100 kW, no package does that
                } else {
                    f.restore("intel-rapl:0");
                }
                s.sample();
            }
            DomainEnergy pkg = d(s.stop(), "cpu-package");
            assertEquals(Quality.PARTIAL, pkg.quality());
            assertEquals(3, pkg.rejections().size(), pkg.rejections().toString());
            assertTrue(pkg.rejections().get(0).contains("unreadable energy_uj"), pkg.rejections().toString());
            assertTrue(pkg.rejections().get(1).contains("outside [0, max_energy_range_uj"), pkg.rejections().toString());
            assertTrue(pkg.rejections().get(2).contains("more than 5000 W could give"), pkg.rejections().toString());
            assertEquals(58.0, pkg.joules(), 1e-6, "30 x 2 J less the 2 J of the interval not counted around the jump");
        }
    }
}
