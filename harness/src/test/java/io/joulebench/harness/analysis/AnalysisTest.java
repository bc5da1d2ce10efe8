package io.joulebench.harness.analysis;

import static io.joulebench.harness.analysis.Trials.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.algorithms.InvalidConfigurationException;
import io.joulebench.harness.result.Metrics;
import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.stats.AccuracyVerdict;
import io.joulebench.harness.stats.CostVerdict;
import io.joulebench.harness.stats.Pairing;
import io.joulebench.harness.stats.RatioComparison;
import io.joulebench.harness.trial.TrialSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final AnalysisOptions OPTIONS = AnalysisOptions.DEFAULTS;

    static ArmStats arm(StatsReport r, String id, String protocol) {
        return r.arms().stream().filter(a -> a.id().equals(id) && a.protocol().equals(protocol)).findFirst()
                .orElseThrow();
    }

    static ComparisonStats comparison(StatsReport r, String arm, String protocol) {
        return r.comparisons().stream().filter(c -> c.arm().equals(arm) && c.protocol().equals(protocol))
                .findFirst().orElseThrow();
    }

    @Test
    void summariesRatiosAndVerdictsOfTwoPairedArms() {
        StatsReport r = Analysis.analyse(Trials.twoArms(), OPTIONS);
        ArmStats bp = arm(r, "bp", TrialSpec.OWN_CONVERGENCE);
        assertEquals(5, bp.n());
        assertEquals("bp-mlp", bp.trainer());
        assertEquals(100.0, bp.metrics().get(Metrics.TRAINING_SECONDS).summary().mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), bp.metrics().get(Metrics.TRAINING_SECONDS).summary().sd(), 1e-12);
        assertEquals(0.88, bp.metrics().get(Metrics.TEST_ACCURACY).summary().mean(), 1e-12);

        ComparisonStats c = comparison(r, "mf", TrialSpec.OWN_CONVERGENCE);
        assertEquals("bp", c.baseline());
        assertEquals(Pairing.PAIRED, c.pairing());
        assertTrue(c.pairingNote().contains("5 pairs"), c.pairingNote());
        RatioComparison time = c.metrics().get(Metrics.TRAINING_SECONDS).ratio();
        assertEquals(Trials.mean(Trials.MF_SECONDS) / 100.0, time.ratio(), 1e-12);
        assertEquals(CostVerdict.CHEAPER, time.verdict());
        assertNotNull(time.fieller().interval());
        RatioComparison energy = c.metrics().get(Metrics.ENERGY_JOULES).ratio();
        assertEquals(1.1, energy.ratio(), 1e-12);
        assertEquals(CostVerdict.COSTLIER, energy.verdict());
        assertTrue(energy.interval().lower() > 1.09 && energy.interval().upper() < 1.11, energy.interval()::toString);
        assertEquals(0.01, c.accuracy().comparison().differencePp(), 1e-9);
        assertEquals(AccuracyVerdict.EQUIVALENT, c.accuracy().comparison().verdict());
        assertTrue(c.metrics().get(Metrics.CO2E_GRAMS).notes().contains(Analysis.CO2E_NOTE));
        assertFalse(c.metrics().containsKey(Metrics.TEST_ACCURACY), "accuracy is no cost");
        assertEquals(1, c.metrics().get(Metrics.ENERGY_JOULES).familySize());
        // A baseline arm is not compared with itself; to-target needs epochs these trials lack.
        assertTrue(r.comparisons().stream().noneMatch(x -> x.arm().equals("bp")));
        ComparisonStats target = comparison(r, "mf", Analysis.TO_TARGET);
        assertNull(target.targetAccuracy());
        assertNotNull(target.metrics().get(ToTarget.SECONDS).missing());
    }

    @Test
    void armsWithDifferentSeedsAreComparedUnpairedAndSaySo() {
        List<TrialRecord> records = new ArrayList<>(Trials.twoArms());
        records.removeIf(x -> x.suite().arm().equals("bp") && x.spec().seed() == 5);
        records.add(t("bp", null, 6).m(Metrics.TRAINING_SECONDS, 99, "s").m(Metrics.TEST_ACCURACY, 0.879, "1")
                .build());
        ComparisonStats c = comparison(Analysis.analyse(records, OPTIONS), "mf", TrialSpec.OWN_CONVERGENCE);
        assertEquals(Pairing.UNPAIRED, c.pairing());
        assertTrue(c.pairingNote().startsWith("unpaired"), c.pairingNote());
        assertEquals(Pairing.UNPAIRED, c.metrics().get(Metrics.TRAINING_SECONDS).ratio().pairing());
    }

    @Test
    void missingValuesAreCountedWithTheirReasonNeverZero() {
        List<TrialRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Trials.T bp = t("bp", null, i + 1).m(Metrics.TRAINING_SECONDS, Trials.BP_SECONDS[i], "s");
            if (i < 2) {
                bp.missing(Metrics.ENERGY_JOULES, "J", "metering off (--no-energy)");
            } else {
                bp.m(Metrics.ENERGY_JOULES, Trials.BP_JOULES[i], "J");
            }
            records.add(bp.build());
            records.add(t("mf", "bp", i + 1).m(Metrics.TRAINING_SECONDS, Trials.MF_SECONDS[i], "s")
                    .m(Metrics.ENERGY_JOULES, Trials.MF_JOULES[i], "J").build());
        }
        StatsReport r = Analysis.analyse(records, OPTIONS);
        MetricSummary e = arm(r, "bp", TrialSpec.OWN_CONVERGENCE).metrics().get(Metrics.ENERGY_JOULES);
        assertEquals(3, e.summary().n());
        assertEquals(2, e.missing());
        assertEquals(Trials.mean(new double[] {990, 1005, 995}), e.summary().mean(), 1e-12);
        assertEquals(2, e.missingReasons().get("metering off (--no-energy)"));
        assertTrue(e.missingNote().startsWith("2 missing: metering off"), e.missingNote());
        MetricComparison c = comparison(r, "mf", TrialSpec.OWN_CONVERGENCE).metrics().get(Metrics.ENERGY_JOULES);
        assertEquals(3, c.ratio().nX());
        assertEquals((1085 + 1108 + 1092) / (990.0 + 1005 + 995), c.ratio().ratio(), 1e-12);
        assertTrue(c.notes().get(0).startsWith("2 pair(s) left out"), c.notes().toString());
        String table = StatsTable.render(r);
        assertTrue(table.contains("2 missing: metering off (--no-energy) (2)"), table);
    }

    @Test
    void warmUpsAndFailedTrialsAreLeftOutWithReasons() {
        List<TrialRecord> records = new ArrayList<>(Trials.twoArms());
        records.add(t("bp", null, 0).m(Metrics.TRAINING_SECONDS, 500, "s").warmup().build());
        records.add(t("bp", null, 7).failed("forked JVM exit status 137\nkilled").build());
        StatsReport r = Analysis.analyse(records, OPTIONS);
        ArmStats bp = arm(r, "bp", TrialSpec.OWN_CONVERGENCE);
        assertEquals(5, bp.n());
        assertEquals(100.0, bp.metrics().get(Metrics.TRAINING_SECONDS).summary().mean(), 1e-12);
        assertEquals(2, bp.leftOut().size());
        assertTrue(bp.leftOut().get(0).reason().startsWith("warm-up"), bp.leftOut().toString());
        assertEquals("failed: forked JVM exit status 137", bp.leftOut().get(1).reason());
        assertEquals(Pairing.PAIRED, comparison(r, "mf", TrialSpec.OWN_CONVERGENCE).pairing());
        assertTrue(StatsTable.render(r).contains("left out: 1 x warm-up"));
    }

    @Test
    void severalArmsAgainstOneBaselineAreHolmAdjustedAndSaySo() {
        List<TrialRecord> records = new ArrayList<>(Trials.twoArms());
        for (String arm : List.of("ff", "cafo")) {
            for (int i = 0; i < 5; i++) {
                double f = arm.equals("ff") ? 1.5 : 1.002;
                records.add(t(arm, "bp", i + 1).m(Metrics.TRAINING_SECONDS, Trials.BP_SECONDS[i] * f + i % 2, "s")
                        .m(Metrics.TEST_ACCURACY, Trials.BP_ACC[i] - 0.01, "1").build());
            }
        }
        StatsReport r = Analysis.analyse(records, OPTIONS);
        List<MetricComparison> time = r.comparisons().stream()
                .filter(c -> c.protocol().equals(TrialSpec.OWN_CONVERGENCE))
                .map(c -> c.metrics().get(Metrics.TRAINING_SECONDS)).toList();
        assertEquals(3, time.size());
        for (MetricComparison m : time) {
            assertEquals(3, m.familySize());
            assertNotNull(m.adjustedPValue());
            assertTrue(m.level() >= 0.95, "Holm step-down level " + m.level()); // the last rank is at 1 - alpha
        }
        assertEquals(1 - 0.05 / 3, time.stream().mapToDouble(MetricComparison::level).max().orElseThrow(), 1e-12);
        ComparisonStats ff = comparison(r, "ff", TrialSpec.OWN_CONVERGENCE);
        assertTrue(ff.notes().stream().anyMatch(n -> n.startsWith("Holm across 3 arms against bp")), ff.notes()
                .toString());
        assertEquals(CostVerdict.COSTLIER, ff.metrics().get(Metrics.TRAINING_SECONDS).ratio().verdict());
        assertEquals(AccuracyVerdict.WORSE, ff.accuracy().comparison().verdict());
        assertTrue(StatsTable.render(r).contains("Holm-adjusted 98.3 % interval (family of 3)"));
    }

    @Test
    void toTargetComesFromEpochRecordsAndLeavesOutTrialsThatNeverReachIt() {
        List<TrialRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double s = 10 + i;
            records.add(t("bp", null, i + 1).m(Metrics.TRAINING_SECONDS, 3 * s, "s")
                    .epoch(0.80, s, 100.0, 1).epoch(0.85, s, 100.0, 2).epoch(0.87, s, 100.0, 3).build());
            Trials.T mf = t("mf", "bp", i + 1).m(Metrics.TRAINING_SECONDS, 3 * s, "s").epoch(0.82, s, 50.0, 1);
            if (i == 4) {
                mf.epoch(0.84, s, 50.0, 2).epoch(0.845, s, 50.0, 3); // never reaches 85 %
            } else {
                mf.epoch(0.86, s, i == 3 ? null : 50.0, 2).epoch(0.86, s, 50.0, 3);
            }
            records.add(mf.build());
        }
        StatsReport r = Analysis.analyse(records, new AnalysisOptions(OPTIONS.comparison(), 0.85, null));
        ComparisonStats c = comparison(r, "mf", Analysis.TO_TARGET);
        assertEquals(0.85, c.targetAccuracy());
        MetricComparison secs = c.metrics().get(ToTarget.SECONDS);
        // bp reaches 85 % at epoch 2 (2 s per epoch-second), mf at epoch 2 too; mf's seed 5 never does.
        assertEquals(4, secs.ratio().nX());
        assertEquals(1.0, secs.ratio().ratio(), 1e-12);
        assertTrue(secs.notes().get(0).contains("never reached the target 85.00 % (best 84.50 %)"), secs.notes()
                .toString());
        MetricComparison joules = c.metrics().get(ToTarget.ENERGY);
        assertEquals(3, joules.ratio().nX(), "seed 4 has an epoch without energy");
        assertEquals(0.5, joules.ratio().ratio(), 1e-12);
        assertEquals(1.0, c.metrics().get(ToTarget.DATA_PASSES).ratio().ratio(), 1e-12);
        assertNull(c.accuracy());
        MetricSummary bpSecs = arm(r, "bp", TrialSpec.OWN_CONVERGENCE).metrics().get(ToTarget.SECONDS);
        assertEquals(2 * Trials.mean(new double[] {10, 11, 12, 13, 14}), bpSecs.summary().mean(), 1e-12);

        // Default target: the lower of the arms' mean best validation accuracy.
        ComparisonStats d = comparison(Analysis.analyse(records, OPTIONS), "mf", Analysis.TO_TARGET);
        assertEquals((4 * 0.86 + 0.845) / 5, d.targetAccuracy(), 1e-12);
    }

    @Test
    void matchedPassesComparesTheArmsMatchedTrialsWithTheBaselinesOwn() {
        List<TrialRecord> records = new ArrayList<>(Trials.twoArms());
        for (int i = 0; i < 5; i++) {
            records.add(t("mf", "bp", i + 1).protocol(TrialSpec.MATCHED_PASSES)
                    .m(Metrics.TRAINING_SECONDS, 2 * Trials.BP_SECONDS[i], "s")
                    .m(Metrics.TEST_ACCURACY, Trials.BP_ACC[i] + 0.02, "1").build());
        }
        StatsReport r = Analysis.analyse(records, OPTIONS);
        ComparisonStats c = comparison(r, "mf", TrialSpec.MATCHED_PASSES);
        assertEquals(2.0, c.metrics().get(Metrics.TRAINING_SECONDS).ratio().ratio(), 1e-12);
        assertEquals(Pairing.PAIRED, c.pairing());
        assertEquals(AccuracyVerdict.BETTER, c.accuracy().comparison().verdict());
        assertEquals(5, arm(r, "mf", TrialSpec.MATCHED_PASSES).n());
    }

    @Test
    void anUnknownBaselineIsRefusedNamingTheArms() {
        Exception e = assertThrows(InvalidConfigurationException.class, () -> Analysis.analyse(Trials.twoArms(),
                new AnalysisOptions(OPTIONS.comparison(), null, "nope")));
        assertTrue(e.getMessage().contains("arms: bp, mf"), e.getMessage());
    }

    @Test
    void belowThreeTrialsNoIntervalIsGiven() {
        List<TrialRecord> records = Trials.twoArms().stream().filter(x -> x.spec().seed() <= 2).toList();
        StatsReport r = Analysis.analyse(records, OPTIONS);
        assertNull(arm(r, "bp", TrialSpec.OWN_CONVERGENCE).metrics().get(Metrics.TRAINING_SECONDS).summary().ci95());
        String table = StatsTable.render(r);
        assertTrue(table.contains(StatsTable.NA_SMALL_N), table);
        assertTrue(table.lines().allMatch(l -> l.length() <= 120), table);
    }
}
