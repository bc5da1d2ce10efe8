package io.joulebench.energy.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.energy.rapl.FakePowercap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A real JMH run, forked, with the profiler given by class and options as a user would, against a fake powercap
 * zone whose counter moves at a known power: J/op must equal watts x seconds/op within 5 % (plus the fake's own
 * staleness on a loaded machine, measured and printed).
 */
class EnergyProfilerForkTest {

    static final double WATTS = 20.0;
    static final int ITERATION_SECONDS = 2;

    @TempDir
    Path tmp;

    @Test
    void forkedRunGivesWattsTimesSecondsPerOperation() throws Exception {
        FakePowercap tree = new FakePowercap(tmp.resolve("powercap")).zone("intel-rapl:0", "package-0");
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        Path log = Files.createDirectories(Path.of("target")).resolve("EnergyProfilerForkTest-jmh.log"); // kept
        Options options = new OptionsBuilder()
                .include(SleepOpBenchmark.class.getName() + ".sleep5ms")
                .mode(Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS)
                .forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
                // Two-second iterations: the host's writer may lag a few ms on a loaded machine; 5 % is 100 ms.
                .measurementIterations(2).measurementTime(TimeValue.seconds(ITERATION_SECONDS))
                .addProfiler(EnergyProfiler.class, "powercap-root=" + tree.root() + ";interval=10ms;domains=cpu-package")
                .jvmArgs("-Xmx256m", "-XX:+UseSerialGC") // the fork gets the host's class path, not its -Xmx6g
                .shouldFailOnError(true)
                .output(log.toString())
                .build();
        Collection<RunResult> runs;
        double staleness;
        try (LivePowercapZone live = new LivePowercapZone(tree.root().resolve("intel-rapl:0"), staging, WATTS)) {
            runs = new Runner(options).run();
            staleness = live.maxGapSeconds();
        }
        String output = Files.readString(log);
        assertEquals(1, runs.size(), output);
        RunResult run = runs.iterator().next();

        List<IterationResult> iterations = new ArrayList<>();
        for (BenchmarkResult b : run.getBenchmarkResults()) {
            iterations.addAll(b.getIterationResults());
        }
        assertEquals(2, iterations.size(), output);
        // 5 %, plus what the fake adds: each edge of the window may read a value up to `staleness` old.
        double tolerance = 0.05 + staleness / ITERATION_SECONDS;
        for (IterationResult it : iterations) {
            check(it.getPrimaryResult(), it.getSecondaryResults().get("energy.cpu-package"),
                    it.getSecondaryResults().get("power.cpu-package"), tolerance, output);
        }
        check(run.getPrimaryResult(), run.getSecondaryResults().get("energy.cpu-package"),
                run.getSecondaryResults().get("power.cpu-package"), tolerance, output);
        assertTrue(!output.contains("(result NaN)") && !output.contains("warning:"), output);
    }

    private static void check(Result<?> primary, Result<?> energy, Result<?> power, double tolerance,
                              String output) {
        assertNotNull(energy, "no energy.cpu-package result:\n" + output);
        assertEquals("J/op", energy.getScoreUnit());
        assertEquals("ms/op", primary.getScoreUnit());
        double expected = WATTS * primary.getScore() / 1000;
        double measured = energy.getScore();
        System.out.printf(Locale.ROOT, "EnergyProfilerForkTest: %.4f ms/op x %.1f W = %.6f J/op expected, "
                        + "%.6f J/op measured (%+.2f %%, tolerance %.2f %%), mean power %.3f W%n", primary.getScore(),
                WATTS, expected, measured, 100 * (measured / expected - 1), 100 * tolerance, power.getScore());
        assertEquals(expected, measured, tolerance * expected, "J/op vs watts x seconds/op:\n" + output);
        assertEquals(WATTS, power.getScore(), tolerance * WATTS, "mean power");
    }
}
