package io.joulebench.reports.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.joulebench.reports.SampleReports;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void stringsRoundTripThroughARealParser() throws Exception {
        String nasty = "q\" b\\ n\n r\r t\t nul\u0000 bell\u0007 ls\u2028 emoji🔋 </script>";
        String json = new JsonWriter().beginObject().field("s", nasty).name("a").beginArray().value(1.5).value((Double) null)
                .value(true).endArray().endObject().toString();
        JsonNode node = new ObjectMapper().readTree(json);
        assertEquals(nasty, node.get("s").asText());
        assertEquals(1.5, node.get("a").get(0).asDouble());
        assertEquals(true, node.get("a").get(1).isNull());
    }

    @Test
    void nonFiniteNumbersAreRefusedNotWrittenAsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> new JsonWriter().value(Double.NaN));
    }

    @Test
    void theReportJsonKeepsMissingValuesNullWithTheirReason() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportJson.write(SampleReports.sample()));
        assertEquals(ReportJson.SCHEMA, root.get("schema").asText());
        assertEquals(11, root.get("sections").size());
        JsonNode headline = root.get("sections").get(1).get("blocks").get(0);
        assertEquals("headline", headline.get("id").asText());
        JsonNode baselineRatio = headline.get("rows").get(0).get(4);
        assertEquals(true, baselineRatio.get("value").isNull());
        assertEquals("UNAVAILABLE", baselineRatio.get("obtained").asText());
        assertEquals("baseline arm", baselineRatio.get("reason").asText());
        assertEquals("MODELLED", headline.get("rows").get(1).get(3).get("obtained").asText());
    }
}
