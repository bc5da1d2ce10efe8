package io.joulebench.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.joulebench.reports.html.Html;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersAndEscapingTest {

    @Test
    void fixedIsLocaleFreeRoundsHalfEvenAndNeverPrintsMinusZero() {
        Locale original = Locale.getDefault();
        try {
            for (String tag : List.of("de-DE", "ar-EG", "fr-FR")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertEquals("1234567.89", Numbers.fixed(1234567.891, 2), tag);
                assertEquals("0.12", Numbers.fixed(0.125, 2), tag);
                assertEquals("0.38", Numbers.fixed(0.375, 2), tag);
                assertEquals("0.0", Numbers.fixed(-0.0001, 1), tag);
                assertEquals("-0.1", Numbers.fixed(-0.06, 1), tag);
                assertEquals("2", Numbers.fixed(2.5, 0), tag);
            }
        } finally {
            Locale.setDefault(original);
        }
        assertEquals("0.00001", Numbers.plain(1e-5));
        assertEquals("1500", Numbers.plain(1.5e3));
        assertEquals("0", Numbers.plain(-0.0));
    }

    @Test
    void csvQuotesOnlyWhatRfc4180Requires() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"l1\nl2\"", Csv.field("l1\nl2"));
        assertEquals("\"cr\r\"", Csv.field("cr\r"));
        assertEquals("", Csv.field(null));
        StringBuilder sb = new StringBuilder();
        Csv.record(sb, List.of("a", "", "b,c"));
        assertEquals("a,,\"b,c\"\r\n", sb.toString());
    }

    @Test
    void latexEscapesEverySpecialCharacter() {
        assertEquals("\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
                LatexTable.escape("& % $ # _ { } ~ ^ \\"));
        assertEquals("{[}x{]} a b", LatexTable.escape("[x] a\nb"));
    }

    @Test
    void markdownKeepsACellOnOneLineAndInertMarkup() {
        assertEquals("a \\| b c \\*d\\* \\<x\\>", MarkdownTable.escape("a | b\nc *d* <x>"));
        assertEquals("x y", MarkdownTable.escape("x\r\ny"));
    }

    @Test
    void htmlEscapesTextAndBothQuoteKinds() {
        assertEquals("&lt;script&gt;a&amp;b&quot;c&#39;d", Html.escape("<script>a&b\"c'd"));
        assertEquals("{\"t\":\"\\u003c/script>\\u003c!--\"}", Html.scriptSafeJson("{\"t\":\"</script><!--\"}"));
    }
}
