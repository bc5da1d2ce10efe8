package io.joulebench.harness.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.harness.cli.JouleBenchCommand;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code joulebench stats} command (read, analyse, render, write JSON) over 1 000 trials with 10 000
 * resamples: 10 arms x 100 paired seeds, 9 arms against one baseline with Holm, 10 cost metrics plus the three
 * to-target ones from 10 epochs per trial. Off unless {@code -Dbench=true}; see docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class StatsCommandBenchmarkTest {
    static final int ARMS = 10;
    static final int SEEDS = 100;

    @Test
    void aThousandTrialsWithTenThousandResamplesUnderTwoSeconds(@TempDir Path tmp) throws Exception {
        Path dir = System.getProperty("bench.dir") != null ? Path.of(System.getProperty("bench.dir")) : tmp;
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("results.jsonl"));
        StatsCommandTest.results(dir, records());
        PrintStream old = System.out;
        List<Long> times = new ArrayList<>();
        try {
            for (int run = 0; run < 4; run++) {
                System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                long t0 = System.nanoTime();
                int rc = JouleBenchCommand.execute("stats", dir.toString(), "--json", dir.resolve("s.json")
                        .toString(), "--bootstrap", "10000");
                times.add(System.nanoTime() - t0);
                assertEquals(0, rc);
            }
        } finally {
            System.setOut(old);
        }
        System.out.printf(Locale.ROOT, "stats over %d trials, 10 000 resamples: first %.2f s, then %.2f / %.2f / "
                + "%.2f s%n", ARMS * SEEDS, times.get(0) / 1e9, times.get(1) / 1e9, times.get(2) / 1e9,
                times.get(3) / 1e9);
        assertTrue(times.get(0) < 2_000_000_000L, "first run took " + times.get(0) / 1e9 + " s");
    }

    static List<TrialRecord> records() {
        SplittableRandom rng = new SplittableRandom(7);
        List<TrialRecord> out = new ArrayList<>();
        for (int a = 0; a < ARMS; a++) {
            String arm = a == 0 ? "bp" : "arm" + a;
            double f = 1 + 0.05 * a;
            for (int s = 1; s <= SEEDS; s++) {
                double secs = f * (100 + 5 * rng.nextGaussian());
                double joules = 12 * secs;
                Trials.T t = Trials.t(arm, a == 0 ? null : "bp", s)
                        .m(Metrics.TEST_ACCURACY, 0.88 - 0.001 * a + 0.002 * rng.nextGaussian(), "1")
                        .m(Metrics.TRAINING_SECONDS, secs, "s").m(Metrics.DATA_PASSES, 10 * f, "1")
                        .m(Metrics.ENERGY_JOULES, joules, "J").m(Metrics.NET_ENERGY_JOULES, joules - 5 * secs, "J")
                        .m(Metrics.MEAN_POWER_WATTS, 12, "W").m(Metrics.CO2E_GRAMS, joules * 1.8e-4, "g")
                        .m(Metrics.PEAK_RSS_BYTES, 1e9 * f + 1e7 * rng.nextGaussian(), "B")
                        .modelled("energyJoules.cpu-package", 0.3 * joules, "J")
                        .m("energyJoules.dram", 0.7 * joules, "J");
                for (int e = 1; e <= 10; e++) {
                    t.epoch(0.80 + 0.01 * e - 0.001 * a + 0.003 * rng.nextGaussian(), secs / 10, joules / 10, e);
                }
                out.add(t.build());
            }
        }
        return out;
    }
}
