package io.joulebench.harness.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A realistic {@code stats} pass over 1 000 trials: 10 arms x 100 paired seeds, 7 metrics (6 cost metrics and test
 * accuracy): 70 summaries, and per metric 9 arms against the baseline with Holm (54 ratio comparisons of 10 000
 * resamples, BCa included, plus Fieller; 9 accuracy comparisons). Off unless {@code -Dbench=true}; see
 * docs/benchmarks.md for the command and the figure.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class StatsBenchmarkTest {
    private static final int ARMS = 10;
    private static final int TRIALS = 100;
    private static final int COST_METRICS = 6;

    @Test
    void aThousandTrialsWithTenThousandResamples() {
        double[][][] data = data(); // [metric][arm][trial]; metric COST_METRICS is accuracy in percent
        long c0 = System.nanoTime();
        pass(data); // the first pass pays for JIT and class loading, as a one-shot `joulebench stats` does
        long cold = System.nanoTime() - c0;
        long best = Long.MAX_VALUE;
        long total = 0;
        int reps = 5;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            int n = pass(data);
            long dt = System.nanoTime() - t0;
            best = Math.min(best, dt);
            total += dt;
            assertEquals(COST_METRICS * (ARMS - 1) + ARMS - 1 + (COST_METRICS + 1) * ARMS, n);
        }
        System.out.printf(Locale.ROOT, "stats pass over %d trials (%d arms x %d, %d metrics, %d resamples):"
                + " first (cold) %.3f s; then best %.3f s, mean %.3f s over %d runs%n", ARMS * TRIALS, ARMS, TRIALS,
                COST_METRICS + 1, ComparisonOptions.DEFAULTS.resamples(), cold / 1e9, best / 1e9, total / 1e9 / reps,
                reps);
    }

    private static int pass(double[][][] data) {
        int results = 0;
        for (double[][] metric : data) {
            for (double[] arm : metric) {
                Summary.of(arm);
                results++;
            }
        }
        for (int m = 0; m <= COST_METRICS; m++) {
            List<double[]> arms = new ArrayList<>(List.of(data[m]).subList(1, ARMS));
            results += m < COST_METRICS
                    ? BaselineFamily.ratios(data[m][0], arms, Pairing.PAIRED, ComparisonOptions.DEFAULTS).size()
                    : BaselineFamily.accuracy(data[m][0], arms, Pairing.PAIRED, ComparisonOptions.DEFAULTS).size();
        }
        return results;
    }

    private static double[][][] data() {
        SplittableRandom rng = new SplittableRandom(2026);
        double[][][] d = new double[COST_METRICS + 1][ARMS][TRIALS];
        for (int m = 0; m <= COST_METRICS; m++) {
            for (int a = 0; a < ARMS; a++) {
                double effect = 1 + 0.03 * (a - 3);
                for (int t = 0; t < TRIALS; t++) {
                    double seedEffect = 1 + 0.05 * Math.sin(t); // shared by the pair: what pairing removes
                    d[m][a][t] = m < COST_METRICS
                            ? 100 * (m + 1) * effect * seedEffect * (1 + 0.04 * (rng.nextDouble() - 0.5))
                            : 88 + 0.2 * (a - 3) + 0.3 * Math.sin(t) + 0.4 * (rng.nextDouble() - 0.5);
                }
            }
        }
        return d;
    }
}
