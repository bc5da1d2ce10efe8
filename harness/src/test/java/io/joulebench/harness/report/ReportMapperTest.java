package io.joulebench.harness.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.joulebench.harness.result.TrialRecord;
import io.joulebench.harness.stats.ComparisonOptions;
import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.DomainBadge;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Obtained;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import io.joulebench.reports.model.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMapperTest {
    private static final ReportMapper.Options OPTIONS = new ReportMapper.Options("t", null, ReferenceStudy.load(),
            "2026-01-01", ComparisonOptions.DEFAULTS.withResamples(1000));

    private static Report report(List<TrialRecord> records) {
        return ReportMapper.map(ReportFixtures.input(records, Path.of("/nonexistent")), OPTIONS).report();
    }

    private static Table table(Report r, String id) {
        return r.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Cell> row(Table t, String first) {
        return t.rows().stream().filter(r -> first.equals(r.get(0).text())).findFirst().orElseThrow();
    }

    @Test
    void everySectionIsPresentAndTheHeadlineCarriesMeansRatiosAndMarks() {
        Report r = report(ReportFixtures.twoArms());
        for (SectionKind k : SectionKind.values()) {
            assertNotNull(r.section(k), k.name());
        }
        Table h = table(r, "headline");
        assertEquals(2, h.rows().size(), "failed and warm-up trials are not arms' trials");
        List<Cell> mf = row(h, "mf");
        assertEquals(89.2, mf.get(2).number(), 1e-9);
        assertEquals(3, mf.get(2).n());
        assertEquals(0.1, mf.get(2).sd(), 1e-9);
        assertEquals(1.0, mf.get(3).number(), 1e-9, "accuracy difference in pp");
        assertEquals(4.08, mf.get(5).number(), 1e-9, "energy in kJ");
        assertEquals(Obtained.MODELLED, mf.get(5).obtained(), "the CPU domain is modelled");
        assertNotNull(mf.get(5).interval());
        assertEquals(4080.0 / 5100.0, mf.get(6).number(), 1e-9, "energy ratio arm / baseline");
        assertNotNull(mf.get(6).interval());
        assertEquals(Obtained.MODELLED, mf.get(6).obtained());
        assertEquals("cheaper", mf.get(9).text());
        List<Cell> bp = row(h, "bp");
        assertEquals(Obtained.UNAVAILABLE, bp.get(6).obtained());
        assertEquals("this is the baseline", bp.get(6).reason());
        assertEquals(Obtained.UNAVAILABLE, row(table(r, "hardware"), "mf").get(5).obtained());
    }

    @Test
    void badgesSayModelledAndUnavailableWithTheReason() {
        List<DomainBadge> badges = report(ReportFixtures.twoArms()).badges();
        DomainBadge cpu = badges.stream().filter(b -> b.domain().equals("cpu-package")).findFirst().orElseThrow();
        DomainBadge gpu = badges.stream().filter(b -> b.domain().equals("gpu:0")).findFirst().orElseThrow();
        assertEquals(Obtained.MODELLED, cpu.status());
        assertEquals(Obtained.UNAVAILABLE, gpu.status());
        assertEquals("NVML_ERROR_GPU_IS_LOST", gpu.reason());
    }

    @Test
    void theStudyIsSetBesideOursWithDirectionFlags() {
        Table t = table(report(ReportFixtures.twoArms()), "reference");
        List<Cell> mf = row(t, "mf");
        assertEquals("mf vs bp, mlp-2x1000", mf.get(2).text());
        assertEquals(89.72 - 89.13, mf.get(3).number(), 1e-9);
        assertEquals(1.0, mf.get(4).number(), 1e-9);
        assertEquals(ReferenceSection.AGREES, mf.get(5).text(), "both more accurate than bp");
        assertEquals(52.08 / 44.16, mf.get(6).number(), 1e-9);
        assertEquals(ReferenceSection.DISAGREES, mf.get(8).text(), "the study's mf is slower, ours faster");
        assertEquals(0.86 / 0.79, mf.get(9).number(), 1e-9);
        assertEquals(4080.0 / 5100.0, mf.get(10).number(), 1e-9);
        assertEquals(ReferenceSection.DISAGREES, mf.get(11).text());
    }

    @Test
    void theDemoSubsetIsSetBesideTheFullDatasetAndSaysSo() {
        ReferenceStudy study = ReferenceStudy.load();
        assertEquals("mlp-2x1000", study.find("mf", null, "fashion-mnist-subset", "1000,1000").orElseThrow()
                .algorithm().model());
        assertEquals("mlp-4x2000", study.find("ff", "adamw", "fashion-mnist", "2000,2000,2000,2000").orElseThrow()
                .twin().model());
        assertEquals("ff-sgd", study.find("ff", "sgd", "mnist", "1000,1000,1000").orElseThrow().algorithm()
                .algorithm());
        assertEquals("mlp-3x1000", study.find("ff", "adamw", "mnist", "1000,1000,1000").orElseThrow().twin().model());
        assertTrue(study.find("mf", null, "cifar-10-subset-x", null).isEmpty());
        assertTrue(study.source().get(0).contains("2509.19063"), "the source lines ship with the data");
    }

    @Test
    void aComparisonWithoutAStudyRowSaysSo() {
        List<TrialRecord> records = new ArrayList<>(ReportFixtures.twoArms());
        for (int seed = 1; seed <= 3; seed++) {
            records.add(ReportFixtures.trial("noprop", "noprop-dt", "bp", seed, 0.8, 50, 3000));
        }
        Report r = report(records);
        List<Cell> row = row(table(r, "reference"), "noprop");
        assertEquals(Obtained.UNAVAILABLE, row.get(3).obtained());
        assertEquals("no study row for noprop-dt on fashion-mnist", row.get(3).reason());
    }

    @Test
    void matchedPassesTrialsAreAnArmOfTheirOwnAgainstTheBaseline() {
        List<TrialRecord> records = new ArrayList<>(ReportFixtures.twoArms());
        for (int seed = 1; seed <= 3; seed++) {
            records.add(ReportFixtures.trial("mf", "mf", "bp", seed, 0.88, 120, 6120, TrialRecord.COMPLETED, false,
                    io.joulebench.harness.trial.TrialSpec.MATCHED_PASSES));
        }
        Table h = table(report(records), "headline");
        assertEquals(3, h.rows().size());
        assertEquals(4080.0 / 5100.0, row(h, "mf").get(6).number(), 1e-9, "own convergence unchanged");
        assertEquals(1.2, row(h, "mf [matched-passes]").get(6).number(), 1e-9);
        assertEquals(3, row(h, "mf [matched-passes]").get(2).n());
    }

    @Test
    void leftOutTrialsAreListedWithTheirReasons() {
        Report r = report(ReportFixtures.twoArms());
        List<String> notes = r.notes().stream().map(Note::text).toList();
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Left out: 1 trial (failed status: mf seed 4:")
                && n.contains("OutOfMemoryError")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("Left out: 1 trial (warm-up")), notes.toString());
        Section power = r.section(SectionKind.POWER);
        assertTrue(power.blocks().isEmpty());
        assertTrue(power.notes().stream().anyMatch(n -> n.text().contains("no power trace")), power.notes().toString());
        assertEquals(8, table(r, "trials").rows().size(), "the raw table lists every trial read");
        assertEquals(8, ReportMapper.map(ReportFixtures.input(ReportFixtures.twoArms(), Path.of("/x")), OPTIONS)
                .emissions().size());
    }

    @Test
    void withoutABaselineRatiosAreNotApplicable() {
        List<TrialRecord> mfOnly = ReportFixtures.twoArms().stream().filter(t -> t.spec().trainer().equals("mf"))
                .toList();
        Report r = report(mfOnly);
        assertNull(r.section(SectionKind.FOREST).blocks().isEmpty() ? null : "forest drawn");
        assertEquals(Obtained.UNAVAILABLE, row(table(r, "headline"), "mf").get(6).obtained());
    }
}
