package io.joulebench.reports.emissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmissionsCsvTest {
    // CodeCarbon's order, as listed in shared/spec/reports.md (from codecarbon/output_methods/emissions_data.py).
    private static final String CODECARBON_HEADER = "timestamp,project_name,run_id,experiment_id,duration,emissions,"
            + "emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,"
            + "water_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,"
            + "codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,"
            + "tracking_mode,cpu_utilization_percent,gpu_utilization_percent,ram_utilization_percent,ram_used_gb,"
            + "on_cloud,pue,wue";

    @Test
    void headerIsCodeCarbons38ColumnsInOrderThenOurs() {
        assertEquals(38, CodeCarbonColumn.values().length);
        String csv = EmissionsCsv.write(List.of(
                EmissionsRow.builder().extra("joulebench_version", "0.1.0").build(),
                EmissionsRow.builder().extra("trial_status", "OK").build()));
        String header = csv.substring(0, csv.indexOf("\r\n"));
        assertEquals(CODECARBON_HEADER + ",joulebench_version,trial_status", header);
    }

    @Test
    void unsetColumnsAreEmptyNeverZeroAndValuesAreTyped() {
        EmissionsRow row = EmissionsRow.builder()
                .timestamp(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 999_000_000))
                .text(CodeCarbonColumn.RUN_ID, "run, \"one\"\nnext")
                .number(CodeCarbonColumn.DURATION, 12.5)
                .number(CodeCarbonColumn.EMISSIONS, 1.0e-5)
                .count(CodeCarbonColumn.CPU_COUNT, 2)
                .onCloud(false)
                .extra("joulebench_version", "0.1.0")
                .build();
        String csv = EmissionsCsv.write(List.of(row));
        String body = csv.substring(csv.indexOf("\r\n") + 2);
        String expected = "2026-01-02T03:04:05,,\"run, \"\"one\"\"\nnext\",,12.5,0.00001" + ",".repeat(18)
                + "2" + ",".repeat(12) + "N,,,0.1.0\r\n";
        assertEquals(expected, body);
        assertEquals("", row.get(CodeCarbonColumn.GPU_ENERGY));
    }

    @Test
    void refusesWhatWouldLie() {
        EmissionsRow.Builder b = EmissionsRow.builder();
        assertThrows(IllegalArgumentException.class, () -> b.number(CodeCarbonColumn.GPU_ENERGY, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.text(CodeCarbonColumn.PYTHON_VERSION, "3.11"));
        assertThrows(IllegalArgumentException.class, () -> b.text(CodeCarbonColumn.DURATION, "12"));
        assertThrows(IllegalArgumentException.class, () -> b.extra("cpu_energy", "1"));
    }
}
