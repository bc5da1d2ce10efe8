package io.joulebench.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void aMissingNumberIsUnavailableWithAReasonNeverZero() {
        assertThrows(IllegalArgumentException.class, () -> Cell.unavailable(" "));
        assertThrows(IllegalArgumentException.class, () -> Cell.measured(Double.NaN, "J", 1));
        assertThrows(IllegalArgumentException.class, () -> new Cell(0.0, null, "J", 1, null, null, null,
                Obtained.UNAVAILABLE, "no counter"));
        assertThrows(IllegalStateException.class, () -> Cell.unavailable("x").withInterval(0, 1));
    }

    @Test
    void tablesAndReportsCheckTheirShape() {
        assertThrows(IllegalArgumentException.class, () -> new Table("t", "c", List.of(Column.of("a")),
                List.of(List.of(Cell.text("1"), Cell.text("2")))));
        assertThrows(IllegalArgumentException.class, () -> new Table("../x", "c", List.of(Column.of("a")), List.of()));
        Table t = new Table("t", "c", List.of(Column.of("a")), List.of());
        assertThrows(IllegalArgumentException.class, () -> new Report("r", "", List.of(), List.of(),
                List.of(Section.of(SectionKind.HEADLINE, t), Section.of(SectionKind.CARBON, t)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Section(SectionKind.POWER, List.of(), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Axis("Energy", " ", false));
        assertThrows(IllegalArgumentException.class, () -> new ForestRow("a", "energy", 0, null, Obtained.MEASURED));
    }

    @Test
    void sectionsAreKeptInTheSpecsOrder() {
        Report r = new Report("r", "", List.of(), List.of(), List.of(
                Section.missing(SectionKind.CARBON, "no grid intensity"),
                Section.missing(SectionKind.HEADLINE, "no trials")), List.of());
        assertEquals(List.of(SectionKind.HEADLINE, SectionKind.CARBON), r.sections().stream().map(Section::kind).toList());
    }

    @Test
    void paretoFrontKeepsOnlyUndominatedPoints() {
        List<Point> pts = List.of(Point.of(10, 0.80), Point.of(12, 0.85), Point.of(11, 0.79), Point.of(15, 0.85),
                Point.of(20, 0.90), Point.of(9, 0.70), Point.of(25, 0.89));
        assertEquals(List.of(Point.of(9, 0.70), Point.of(10, 0.80), Point.of(12, 0.85), Point.of(20, 0.90)),
                Pareto.lowXHighY().front(pts));
        // Higher x better, lower y better: the mirror image.
        assertEquals(List.of(Point.of(9, 0.70), Point.of(11, 0.79), Point.of(15, 0.85), Point.of(25, 0.89)),
                new Pareto(false, false).front(pts));
    }

    @Test
    void downsamplingKeepsPeaksAndStaysWithinItsBound() {
        List<Point> trace = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            trace.add(Point.of(i * 0.01, i == 4321 ? 250.0 : i == 8765 ? 1.0 : 50.0 + Math.sin(i / 50.0)));
        }
        Series s = new Series("CPU", "CPU", trace).downsampled(2000);
        assertEquals(true, s.points().size() <= 2000, "size " + s.points().size());
        assertEquals(true, s.points().contains(trace.get(4321)), "the peak survives");
        assertEquals(true, s.points().contains(trace.get(8765)), "the dip survives");
        for (int i = 1; i < s.points().size(); i++) {
            assertEquals(true, s.points().get(i).x() > s.points().get(i - 1).x(), "x order kept at " + i);
        }
        Series small = Series.of("x", trace.subList(0, 10));
        assertEquals(small, small.downsampled(2000));
    }
}
