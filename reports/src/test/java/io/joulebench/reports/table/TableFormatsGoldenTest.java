package io.joulebench.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.joulebench.reports.model.Cell;
import io.joulebench.reports.model.Column;
import io.joulebench.reports.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files pin the Markdown, LaTeX and CSV text of two tables, under Locale.ROOT and under default locales
 * that format numbers differently (de-DE: decimal comma; ar-EG: Arabic-Indic digits; hi-IN: grouping), proving
 * the default locale never reaches the output. Regenerate with -Djoulebench.golden.update=true (then review).
 */
class TableFormatsGoldenTest {
    private static final Locale ORIGINAL = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(ORIGINAL);
    }

    static Table paper() {
        return new Table("paper", "Fashion-MNIST: energy per arm", List.of(Column.of("Arm"), Column.of("Accuracy", "%"),
                Column.of("Energy", "kJ"), Column.of("Ratio vs bp", "x"), Column.of("CO2e", "g"), Column.of("Verdict")),
                List.of(
                        List.of(Cell.text("bp-mlp"), Cell.measured(88.94, "%", 1).withSpread(0.43, 5),
                                Cell.measured(10.7349, "kJ", 2).withInterval(10.081, 11.385),
                                Cell.unavailable("baseline arm"), Cell.modelled(1.1335, "g", 1, "380 gCO2e/kWh"),
                                Cell.text("baseline")),
                        List.of(Cell.text("ff"), Cell.measured(86.0, "%", 1).withSpread(0.25, 5),
                                Cell.modelled(1234567.891, "kJ", 2, "TDP model").withInterval(1200000, 1300000),
                                Cell.modelled(1.375, "x", 2, null).withInterval(1.304, 1.455),
                                Cell.attributed(-0.0001, "g", 1, "share of machine energy"), Cell.text("costlier")),
                        List.of(Cell.text("cafo-rand"), Cell.unavailable("run failed: out of memory"),
                                Cell.unavailable("run failed: out of memory"), Cell.unavailable("no energy"),
                                Cell.unavailable("no energy"), Cell.text("n/a"))),
                List.of("Intervals: 95 % t-intervals."));
    }

    static Table hostile() {
        String evil = "a&b %c $d #e _f {g} ~h ^i \\j |k| *l* `m` [n](o) <p>\nq, \"r\" ünï Σ";
        return new Table("hostile", evil, List.of(Column.of(evil, "μJ"), Column.of("Value", "%")),
                List.of(List.of(Cell.text(evil), Cell.measured(0.5, "%", 3)),
                        List.of(Cell.text("line1\r\nline2"), Cell.unavailable(evil))),
                List.of(evil));
    }

    static Stream<Arguments> cases() {
        List<Locale> locales = List.of(Locale.ROOT, Locale.forLanguageTag("de-DE"), Locale.forLanguageTag("ar-EG"),
                Locale.forLanguageTag("hi-IN-u-nu-deva"));
        List<String> formats = List.of("md", "tex", "csv");
        return locales.stream().flatMap(l -> Stream.of(paper(), hostile())
                .flatMap(t -> formats.stream().map(f -> Arguments.of(l.toLanguageTag(), t, f))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesTheGoldenFile(String localeTag, Table table, String format) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(localeTag));
        Function<Table, String> renderer = switch (format) {
            case "md" -> MarkdownTable::render;
            case "tex" -> LatexTable::render;
            default -> CsvTable::render;
        };
        String actual = renderer.apply(table);
        String name = "golden/" + table.id() + "." + format;
        if (Boolean.getBoolean("joulebench.golden.update") && localeTag.equals("und")) {
            Path file = Path.of("src/test/resources", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(read(name), actual, name + " under default locale " + localeTag);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = TableFormatsGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no golden file " + name + "; run with -Djoulebench.golden.update=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
