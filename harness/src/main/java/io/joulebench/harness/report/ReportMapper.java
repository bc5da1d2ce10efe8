package io.joulebench.harness.report;

import io.joulebench.harness.stats.ComparisonOptions;
import io.joulebench.reports.ReportWriter;
import io.joulebench.reports.emissions.EmissionsRow;
import io.joulebench.reports.model.Note;
import io.joulebench.reports.model.Report;
import io.joulebench.reports.model.Section;
import io.joulebench.reports.model.SectionKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Trial records into the reports view model: one small mapper per section, the statistics from {@link ReportInputs}. */
public final class ReportMapper {

    /**
     * @param title     the report's title
     * @param baseline  the arm to compare against, or null to take the suite's (else the bp-* arm)
     * @param reference the study to set beside ours, or null for none
     * @param generated when the report was made (shown as written), or null
     */
    public record Options(String title, String baseline, ReferenceStudy reference, String generated,
                          ComparisonOptions stats) {
        public static Options defaults(String title) {
            return new Options(title, null, ReferenceStudy.load(), java.time.Instant.now().toString(),
                    ComparisonOptions.DEFAULTS);
        }
    }

    /** The report and its emissions.csv rows. */
    public record Mapped(Report report, List<EmissionsRow> emissions) {
    }

    private ReportMapper() {
    }

    public static Mapped map(ResultsInput input, Options o) {
        TrialSelection s = TrialSelection.of(input.records());
        ReportInputs in = ReportInputs.of(s, o.baseline(), o.stats());
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of(SectionKind.PROVENANCE, List.of(), List.of()));
        sections.add(HeadlineSection.map(s, in));
        sections.add(ReferenceSection.map(s, in, o.reference()));
        sections.add(ChartSections.forest(in));
        sections.add(ChartSections.accuracyEnergy(s, in));
        sections.add(ChartSections.distributions(s, in));
        sections.add(TimelineSections.power(s));
        sections.add(TimelineSections.learning(s));
        sections.add(EnergySections.breakdown(s));
        sections.add(EnergySections.carbon(s, in));
        sections.add(AppendixSection.map(s, in, input.notes()));
        sections.add(Section.of(SectionKind.DOWNLOADS, List.of(), List.of()));
        List<Note> notes = new ArrayList<>();
        input.notes().forEach(n -> notes.add(Note.warning(n)));
        s.leftOut().forEach(n -> notes.add(Note.warning(n)));
        if (s.arms().isEmpty()) {
            notes.add(Note.warning("No completed trial in the input: nothing to compare."));
        }
        Report report = new Report(o.title(), o.generated(), ProvenanceMapper.facts(s), ProvenanceMapper.badges(s),
                sections, notes);
        return new Mapped(report, EmissionsMapper.map(s));
    }

    /** Reads the paths, maps them and writes the report folder; returns index.html. */
    public static Path write(List<Path> paths, Options o, Path outDir) throws IOException {
        Mapped m = map(ResultsInput.read(paths), o);
        return new ReportWriter().write(m.report(), m.emissions(), outDir);
    }
}
