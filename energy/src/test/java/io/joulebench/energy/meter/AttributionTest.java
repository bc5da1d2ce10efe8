package io.joulebench.energy.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.Availability;
import io.joulebench.energy.Domain;
import io.joulebench.energy.DomainInfo;
import io.joulebench.energy.EnergyCounter;
import io.joulebench.energy.FakeClock;
import io.joulebench.energy.Method;
import io.joulebench.energy.Quality;
import io.joulebench.energy.Reading;
import io.joulebench.energy.Sensor;
import io.joulebench.energy.SensorOptions;
import io.joulebench.energy.SensorProvider;
import io.joulebench.energy.process.FakeProc;
import io.joulebench.energy.process.ProcessTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attributed joules against hand-computed values, on a fake /proc and a package counter set by hand. */
class AttributionTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private volatile long packageUj;

    private final class HandCounter implements SensorProvider {
        @Override
        public String id() {
            return "hand";
        }

        @Override
        public int priority() {
            return 500;
        }

        @Override
        public String description() {
            return "a package counter set by the test";
        }

        @Override
        public Availability probe(SensorOptions options) {
            return new Availability.Available(List.of(new DomainInfo("cpu-package", Method.COUNTER_DELTA, "hand")),
                    "hand");
        }

        @Override
        public List<Sensor> open(SensorOptions options) {
            return List.of(new EnergyCounter() {
                @Override
                public Domain domain() {
                    return Domain.CPU_PACKAGE;
                }

                @Override
                public String providerId() {
                    return "hand";
                }

                @Override
                public String description() {
                    return "hand counter";
                }

                @Override
                public Reading read() {
                    return new Reading.Energy(packageUj, clock.getAsLong());
                }
            });
        }
    }

    private EnergyMeter meter() {
        return EnergyMeter.open(new MeterOptions(Duration.ZERO, SensorOptions.defaults().withClock(clock),
                Set.of("hand")), List.of(new HandCounter()));
    }

    /** One interval: the package gains {@code joules}, then every sensor and /proc are read. */
    private void step(MeteringSession s, double joules) {
        clock.advance(Duration.ofSeconds(1));
        packageUj += Math.round(joules * 1e6);
        s.sample();
    }

    @Test
    void sharesPerIntervalWithAChildExitingAnIdleMachineAndASkewedInterval() throws Exception {
        FakeProc p = new FakeProc(dir).machine(1000, 3000)
                .process(100, 1, 10, 0, 0, 0).process(101, 100, 5, 0, 0, 0).process(200, 1, 400, 0, 0, 0);
        ProcessTree tree = new ProcessTree(p.root(), 100, true);
        try (EnergyMeter m = meter()) {
            MeteringSession s = m.start(null, tree);
            // 1: tree +50 of +100 busy: share 0.5 of 10 J = 5 J
            p.process(100, 1, 30, 0, 0, 0).process(101, 100, 35, 0, 0, 0).machine(1100, 3100);
            step(s, 10);
            // 2: the child runs 10 more ticks, exits and is reaped by the root (cutime 45): tree +10 of +40: 2 of 8 J
            p.gone(101).process(100, 1, 30, 0, 45, 0).machine(1140, 3200);
            step(s, 8);
            // 3: idle machine and idle tree: share 0 of 2 J
            p.machine(1140, 3300);
            step(s, 2);
            // 4: tree +30 but busy only +20 (tick skew): capped at 1, all 4 J
            p.process(100, 1, 60, 0, 45, 0).machine(1160, 3400);
            step(s, 4);
            EnergyReport r = s.stop();

            AttributedEnergy a = r.attributed().get(0);
            assertEquals("cpu-package", a.domain());
            assertEquals(24.0, a.machineJoules(), 1e-9);
            assertEquals(5 + 2 + 0 + 4, a.joules(), 1e-9);
            assertEquals(11.0 / 24.0, a.share(), 1e-9);
            assertEquals(Method.COUNTER_DELTA, a.basis());
            assertEquals(Quality.COMPLETE, a.quality());
            assertEquals(1, a.cappedIntervals());
            assertTrue(a.notes().stream().anyMatch(n -> n.contains("capped at 1")), a.notes().toString());
            assertEquals(11.0, r.attributedTotalJoules(), 1e-9);
            assertEquals(24.0, r.totalJoules(), 1e-9, "the machine figure is untouched");
            assertEquals(11.0, r.processScope().orElseThrow().totalJoules(), 1e-9);
            PowerTrace.DomainTrace t = s.attributedTrace().orElseThrow().domains().get(0);
            assertEquals(11.0, t.points().get(t.points().size() - 1).cumulativeJoules(), 1e-9);
        }
    }

    @Test
    void anIdleMachineWithABusyTreeIsCappedNotDividedByZero() throws Exception {
        FakeProc p = new FakeProc(dir).machine(500, 500).process(100, 1, 0, 0, 0, 0);
        try (EnergyMeter m = meter()) {
            MeteringSession s = m.start(null, new ProcessTree(p.root(), 100, true));
            p.process(100, 1, 3, 0, 0, 0); // busy +0
            step(s, 6);
            AttributedEnergy a = s.stop().attributed().get(0);
            assertEquals(6.0, a.joules(), 1e-9);
            assertEquals(1, a.cappedIntervals());
        }
    }

    @Test
    void unreadableProcMakesTheAttributedFigureUnavailableWithAReasonNeverZero() throws Exception {
        try (EnergyMeter m = meter()) {
            MeteringSession s = m.start(null, new ProcessTree(dir.resolve("no-proc"), 100, true));
            step(s, 5);
            EnergyReport r = s.stop();
            AttributedEnergy a = r.attributed().get(0);
            assertNull(a.joules());
            assertEquals(Quality.UNAVAILABLE, a.quality());
            assertTrue(a.reason().contains("no-proc"), a.reason());
            assertNull(r.attributedTotalJoules());
            assertTrue(r.attributedNote().contains("UNAVAILABLE cpu-package"), r.attributedNote());
            assertEquals(5.0, r.totalJoules(), 1e-9, "the machine figure stands");
        }
    }

    @Test
    void aReadingLostAtTheEndLeavesThatStretchUnattributedAndSaysSo() throws Exception {
        FakeProc p = new FakeProc(dir).machine(0, 0).process(100, 1, 0, 0, 0, 0);
        try (EnergyMeter m = meter()) {
            MeteringSession s = m.start(null, new ProcessTree(p.root(), 100, true));
            p.process(100, 1, 10, 0, 0, 0).machine(40, 0);
            step(s, 8); // share 0.25: 2 J
            p.gone(100);
            step(s, 8); // the root is gone: not attributed
            AttributedEnergy a = s.stop().attributed().get(0);
            assertEquals(2.0, a.joules(), 1e-9);
            assertEquals(Quality.PARTIAL, a.quality());
            assertTrue(a.reason().contains("cover 8.000000 of the 16.000000 J"), a.reason());
        }
    }

    @Test
    void withoutATreeNothingIsAttributed() throws Exception {
        try (EnergyMeter m = meter()) {
            MeteringSession s = m.start(null);
            step(s, 1);
            EnergyReport r = s.stop();
            assertTrue(r.attributed().isEmpty());
            assertTrue(r.processScope().isEmpty());
            assertTrue(s.attributedTrace().isEmpty());
        }
    }
}
