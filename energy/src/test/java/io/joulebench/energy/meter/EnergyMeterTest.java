package io.joulebench.energy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.FakeClock;
import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.SensorOptions;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyMeterTest {

    @Test
    void backgroundSamplerMetersAKnownLoadWithinOnePercent() throws Exception {
        // Real clock, real sampler thread; the counter advances at exactly 250 W of System.nanoTime.
        SyntheticProvider p = new SyntheticProvider("synthetic", 500, 250.0, 12.0);
        MeterOptions o = new MeterOptions(Duration.ofMillis(10), SensorOptions.defaults(), null);
        try (EnergyMeter m = EnergyMeter.open(o, List.of(p))) {
            MeteringSession s = m.start();
            Thread.sleep(300);
            EnergyReport r = s.stop();
            DomainEnergy g = r.domain("gpu:0").orElseThrow();
            double expected = 250.0 * r.windowSeconds();
            assertEquals(expected, g.joules(), expected * 0.01);
            assertEquals(250.0 * g.coveredSeconds(), g.joules(), 1e-3, "exact over the covered readings");
            DomainEnergy d = r.domain("dram").orElseThrow();
            assertEquals(12.0 * r.windowSeconds(), d.joules(), 12.0 * r.windowSeconds() * 0.01);
            assertEquals(Method.INTEGRATED_POWER, d.method());
            assertTrue(g.samples() >= 2);
            assertNotNull(r.samplerCpuSeconds(), "sampler CPU time is measured");
            assertEquals(10.0, r.intervalMillis(), 1e-9);
            assertFalse(r.startedAt().isBlank());
        }
    }

    @Test
    void counterWithoutNominalPeriodUsesTheSamplerSpacingAsAnUpperBound() throws Exception {
        FakeClock clock = new FakeClock();
        SyntheticProvider p = new SyntheticProvider("synthetic", 500, 250.0, 10.0);
        MeterOptions o = new MeterOptions(Duration.ZERO, SensorOptions.defaults().withClock(clock), null);
        try (EnergyMeter m = EnergyMeter.open(o, List.of(p))) {
            MeteringSession s = m.start();
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofMillis(100));
                s.sample();
            }
            DomainEnergy g = s.stop().domain("gpu:0").orElseThrow();
            assertNull(g.updatePeriodMillis());
            assertTrue(g.notes().stream().anyMatch(n -> n.contains("faster than the sampler (< 100.0 ms)")),
                    g.notes().toString());
            assertTrue(g.notes().stream().noneMatch(n -> n.contains("(< 10)")), g.notes().toString());
            assertEquals(Math.sqrt(2) * (250 * 0.1 + 1e-6), g.uncertaintyJoules(), 1e-9);
            assertTrue(g.uncertaintyBasis().contains("upper bound"), g.uncertaintyBasis());
        }
    }

    @Test
    void idleBaselineAndNetUseTheCoveredSecondsOfAPartialFigure() throws Exception {
        FakeClock clock = new FakeClock();
        FlakyProvider p = new FlakyProvider(0.0, 10.0);
        MeterOptions o = new MeterOptions(Duration.ZERO, SensorOptions.defaults().withClock(clock), null);
        try (EnergyMeter m = EnergyMeter.open(o, List.of(p))) {
            // Idle: 1 s of 10 W readings, then the sensor fails for the last 1 s: 10 J over 1 covered second.
            MeteringSession idleSession = m.start();
            for (int i = 0; i < 20; i++) {
                clock.advance(Duration.ofMillis(100));
                p.powerFailing = i >= 10;
                idleSession.sample();
            }
            EnergyReport idleReport = idleSession.stop();
            assertEquals(Quality.PARTIAL, idleReport.domain("dram").orElseThrow().quality());
            assertTrue(idleReport.totalNote().contains("includes PARTIAL dram (11 of 22 readings failed (power "
                    + "flaked)"), "totals say they include a PARTIAL figure: " + idleReport.totalNote());
            IdleBaseline idle = IdleBaseline.from(idleReport);
            assertEquals(10.0, idle.watts("dram").orElseThrow(), 1e-9, "P_idle = joules / covered seconds, not / window");

            // Run: 50 W for 1 s, then failing for 1 s. Gross covers 1 s, so idle is 10 W x 1 s, not x 2 s.
            p.powerFailing = false;
            p.powerWatts = 50.0;
            MeteringSession s = m.start(idle);
            for (int i = 0; i < 20; i++) {
                clock.advance(Duration.ofMillis(100));
                p.powerFailing = i >= 10;
                s.sample();
            }
            DomainEnergy d = s.stop().domain("dram").orElseThrow();
            assertEquals(Quality.PARTIAL, d.quality());
            assertEquals(50.0, d.joules(), 1e-9);
            assertEquals(1.0, d.coveredSeconds(), 1e-9);
            assertEquals(10.0, d.idleJoules(), 1e-9);
            assertEquals(40.0, d.netJoules(), 1e-9);
            assertTrue(d.notes().stream().anyMatch(n -> n.contains("covers")), d.notes().toString());
        }
    }

    @Test
    void failedReadAtAMarkGoesToTheEarlierPhaseSoPhasesSumToTheWindow() throws Exception {
        FakeClock clock = new FakeClock();
        FlakyProvider p = new FlakyProvider(100.0, 10.0);
        MeterOptions o = new MeterOptions(Duration.ZERO, SensorOptions.defaults().withClock(clock), null);
        try (EnergyMeter m = EnergyMeter.open(o, List.of(p))) {
            MeteringSession s = m.start();
            s.mark("a");
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofMillis(100));
                s.sample();
            }
            clock.advance(Duration.ofMillis(100));
            p.counterFailing = true;
            p.powerFailing = true;
            s.mark("b"); // both sensors fail exactly at the mark
            p.counterFailing = false;
            p.powerFailing = false;
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofMillis(100));
                s.sample();
            }
            EnergyReport r = s.stop();
            for (String domain : List.of("gpu:0", "dram")) {
                double whole = r.domain(domain).orElseThrow().joules();
                double a = r.phases("a").get(0).domain(domain).orElseThrow().joules();
                double b = r.phases("b").get(0).domain(domain).orElseThrow().joules();
                assertEquals(whole, a + b, 1e-9, domain + ": phases must sum to the window");
            }
            assertEquals(210.0, r.domain("gpu:0").orElseThrow().joules(), 1e-9);
            assertEquals(120.0, r.phases("a").get(0).domain("gpu:0").orElseThrow().joules(), 1e-9,
                    "1.1 s to the mark + 0.1 s to the first good reading after it");
        }
    }

    @Test
    void samplerThreadIsNamedAndDaemon() throws Exception {
        SyntheticProvider p = new SyntheticProvider("synthetic", 500, 1.0, 1.0);
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ofMillis(5), SensorOptions.defaults(), null),
                List.of(p))) {
            MeteringSession s = m.start();
            Thread.sleep(30);
            Thread t = Thread.getAllStackTraces().keySet().stream()
                    .filter(x -> x.getName().equals(MeteringSession.THREAD_NAME)).findFirst().orElseThrow();
            assertTrue(t.isDaemon());
            s.stop();
        }
    }

    @Test
    void idleBaselineGivesGrossIdleAndNet() throws Exception {
        FakeClock clock = new FakeClock();
        SyntheticProvider p = new SyntheticProvider("synthetic", 500, 0.0, 10.0);
        MeterOptions o = new MeterOptions(Duration.ZERO, SensorOptions.defaults().withClock(clock), null);
        try (EnergyMeter m = EnergyMeter.open(o, List.of(p))) {
            MeteringSession idleSession = m.start();
            for (int i = 0; i < 50; i++) {
                clock.advance(Duration.ofMillis(100));
                idleSession.sample();
            }
            IdleBaseline idle = IdleBaseline.from(idleSession.stop());
            assertEquals(10.0, idle.watts("dram").orElseThrow(), 1e-9);

            p.powerWatts = 50.0;
            MeteringSession s = m.start(idle);
            for (int i = 0; i < 100; i++) {
                clock.advance(Duration.ofMillis(100));
                s.sample();
            }
            EnergyReport r = s.stop();
            DomainEnergy d = r.domain("dram").orElseThrow();
            // The first reading of the session was taken at 50 W too, so gross = 50 W x 10 s.
            assertEquals(500.0, d.joules(), 1e-9);
            assertEquals(100.0, d.idleJoules(), 1e-9);
            assertEquals(400.0, d.netJoules(), 1e-9);
            // A counter that never moved in 10 s is a stale sensor, not an idle device: no figure, never 0 J COMPLETE.
            assertEquals(null, r.domain("gpu:0").orElseThrow().joules());
            assertTrue(r.domain("gpu:0").orElseThrow().reason().startsWith("stale counter"));
            assertEquals(500.0, r.totalJoules(), 1e-9);
            assertEquals(100.0, r.totalIdleJoules(), 1e-9);
            assertEquals(400.0, r.totalNetJoules(), 1e-9);
            assertNotNull(r.idle());
        }
    }

    @Test
    void bestSourcePerDomainHighestPriorityFirst() {
        SyntheticProvider low = new SyntheticProvider("low", 1, 1.0, 1.0);
        SyntheticProvider high = new SyntheticProvider("high", 900, 1.0, 1.0);
        try (EnergyMeter m = EnergyMeter.open(MeterOptions.of(SensorOptions.defaults()), List.of(low, high))) {
            assertEquals(List.of("high", "high"), m.sensors().stream().map(SensorInfo::provider).toList());
            ProviderStatus lowStatus = m.providers().stream().filter(s -> s.id().equals("low")).findFirst().orElseThrow();
            assertTrue(lowStatus.available());
            assertEquals(List.of(), lowStatus.selected(), "superseded provider wins no domain");
        }
    }

    @Test
    void sensorThatNeverWorksIsUnavailableWithNullJoules() throws Exception {
        FakeClock clock = new FakeClock();
        SyntheticProvider p = new SyntheticProvider("synthetic", 500, 1.0, 1.0);
        io.joulebench.energy.SensorProvider broken = new io.joulebench.energy.SensorProvider() {
            @Override public String id() { return "broken"; }
            @Override public int priority() { return 1000; }
            @Override public String description() { return "broken"; }
            @Override public io.joulebench.energy.Availability probe(SensorOptions o) {
                return new io.joulebench.energy.Availability.Available(List.of(), "");
            }
            @Override public List<io.joulebench.energy.Sensor> open(SensorOptions o) {
                return List.of(new io.joulebench.energy.PowerSensor() {
                    @Override public io.joulebench.energy.Domain domain() { return io.joulebench.energy.Domain.gpu(0); }
                    @Override public String providerId() { return "broken"; }
                    @Override public String description() { return "broken"; }
                    @Override public io.joulebench.energy.Reading read() {
                        throw new IllegalStateException("device gone");
                    }
                });
            }
        };
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ZERO,
                SensorOptions.defaults().withClock(clock), null), List.of(p, broken))) {
            MeteringSession s = m.start();
            clock.advance(Duration.ofSeconds(1));
            s.sample();
            EnergyReport r = s.stop();
            DomainEnergy g = r.domain("gpu:0").orElseThrow();
            assertEquals(Quality.UNAVAILABLE, g.quality());
            assertEquals(Method.UNAVAILABLE, g.method());
            assertNull(g.joules(), "missing is null, never 0");
            assertTrue(g.reason().contains("device gone"), g.reason());
            assertTrue(r.totalNote().contains("leaves out UNAVAILABLE gpu:0 ("), r.totalNote());
            assertEquals(1.0, r.totalJoules(), 1e-9, "the total keeps the domains that have a figure");
        }
    }

    @Test
    void traceCsvIsMachineReadable() throws Exception {
        FakeClock clock = new FakeClock();
        SyntheticProvider p = new SyntheticProvider("synthetic", 500, 2.0, 3.5);
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ZERO,
                SensorOptions.defaults().withClock(clock), null), List.of(p))) {
            MeteringSession s = m.start();
            clock.advance(Duration.ofMillis(500));
            s.sample();
            s.stop();
            StringWriter w = new StringWriter();
            s.trace().writeCsv(w);
            String csv = w.toString();
            assertTrue(csv.startsWith("domain,method,t_seconds,watts,cumulative_joules\n"), csv);
            assertTrue(csv.contains("dram,INTEGRATED_POWER,0.500000,3.5000,1.750000"), csv);
            assertTrue(csv.contains("gpu:0,COUNTER_DELTA,0.000000,,0.000000"), "first counter point has no watts: " + csv);
        }
    }

    @Test
    void oneSessionAtATime() throws Exception {
        SyntheticProvider p = new SyntheticProvider("synthetic", 500, 1.0, 1.0);
        try (EnergyMeter m = EnergyMeter.open(new MeterOptions(Duration.ZERO, SensorOptions.defaults(), null),
                List.of(p))) {
            MeteringSession s = m.start();
            assertThrows(MeteringException.class, m::start);
            s.stop();
            m.start().stop();
        }
    }
}
